#include "coreference.h"

#include <algorithm>

#include "tkg/schema/ids.h"

namespace tkg::extract {

namespace {

// A view, not a copy: Find compares it with every earlier person for each surname mention.
std::string_view LastWord(std::string_view name) {
  size_t sp = name.rfind(' ');
  return sp == std::string_view::npos ? name : name.substr(sp + 1);
}

// "Xi Jinping" begins with the word "Xi" (no "Xi " string built per actor and mention).
bool StartsWithWord(const std::string& name, const std::string& word) {
  return name.size() > word.size() && name[word.size()] == ' ' &&
         name.compare(0, word.size(), word) == 0;
}

// Two full names with the same first and last words, one of them of exactly those two.
bool SameNameButMiddle(std::string_view a, std::string_view b) {
  size_t a1 = a.find(' '), b1 = b.find(' ');
  size_t a2 = a.rfind(' '), b2 = b.rfind(' ');
  if (a1 == std::string_view::npos || b1 == std::string_view::npos) return false;
  if ((a1 == a2) == (b1 == b2)) return false;  // both two words (equal names) or both longer
  return a.substr(0, a1) == b.substr(0, b1) && a.substr(a2) == b.substr(b2);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

constexpr std::string_view kOrgNouns[] = {
    "company",        "firm",         "agency",    "ministry",  "department", "group",
    "organization",   "organisation", "newspaper", "paper",     "network",    "government",
    "administration", "committee",    "campaign",  "institute", "team",       "office",
    "bureau",         "council",      "center",    "centre",    "party",      "outlet",
    "publication",    "site",         "website",   "union",     "bank",       "corporation",
    "board",          "commission",   "service"};

}  // namespace

bool IsPersonalPronoun(std::string_view w) {
  return w == "he" || w == "she" || w == "they" || w == "it" || w == "i" || w == "we" ||
         w == "who" || w == "you" || w == "which";
}

uint32_t ActorTableLast(const Actor& a, uint32_t pos) {
  uint32_t best = 0;
  bool any = false;
  for (const Span& s : a.mentions)
    if (s.begin < pos && (!any || s.begin >= best)) {
      best = s.begin;
      any = true;
    }
  return any ? best + 1 : 0;  // 0 = no mention before pos
}

uint32_t ActorTable::LastMentionBefore(int actor, uint32_t pos) const {
  // Mentions come mostly in text order: the latest one answers without a scan when it is
  // before `pos`.
  const auto& latest = latest_mention_[static_cast<size_t>(actor)];
  if (latest != 0 && latest - 1 < pos) return latest;
  return ActorTableLast(actors_[static_cast<size_t>(actor)], pos);
}

void ActorTable::RecordMention(int actor, Span span) {
  actors_[static_cast<size_t>(actor)].mentions.push_back(span);
  uint32_t& latest = latest_mention_[static_cast<size_t>(actor)];
  latest = std::max(latest, span.begin + 1);
}

namespace {
void IndexMin(std::unordered_map<std::string, int>* m, const std::string& key, int i) {
  // try_emplace: no node (and no copy of the key) is made when the key is already there.
  auto [it, inserted] = m->try_emplace(key, i);
  if (!inserted && i < it->second) it->second = i;
}
}  // namespace

int ActorTable::Find(const NameMention& m, const std::string& name,
                     const std::string& folded) const {
  auto gender_fits = [&](int i) {
    const std::string& g = genders_[static_cast<size_t>(i)];
    return m.gender.empty() || g.empty() || g == m.gender;
  };
  if (auto it = canon_.find(folded); it != canon_.end() && gender_fits(it->second))
    return it->second;
  bool single = name.find(' ') == std::string::npos;
  if (m.type == ActorType::kPerson && single) {
    // A surname: of the people whose name ends with it (else, names written family name first,
    // "Xi Jinping", begins with it) or who were called so before, the one mentioned last; an
    // honorific's gender rules out the others ("Mrs. Clinton" is not Bill Clinton).
    int best = -1;
    uint32_t best_pos = 0;
    const size_t name_hash = WordHashOf(name);
    const size_t folded_hash = WordHashOf(folded);
    for (int pass = 0; pass < 2 && best < 0; ++pass) {
      for (size_t i = 0; i < actors_.size(); ++i) {
        const NameKeys& k = keys_[i];
        // The hashes rule out nearly every actor before a string is compared.
        bool may_fit = pass == 0 ? k.last_word == name_hash ||
                                       std::find(k.aliases.begin(), k.aliases.end(), folded_hash) !=
                                           k.aliases.end()
                                 : k.first_word == name_hash;
        if (!may_fit) continue;
        const Actor& a = actors_[i];
        if (a.type != ActorType::kPerson || !gender_fits(static_cast<int>(i))) continue;
        const auto& f = folded_[i];
        size_t sp = a.name.rfind(' ');  // one search: "has a space" and "its last word"
        bool fits =
            sp != std::string::npos && (pass == 0 ? std::string_view(a.name).substr(sp + 1) == name
                                                  : StartsWithWord(a.name, name));
        fits = fits || (pass == 0 && std::find(f.begin() + 1, f.end(), folded) != f.end());
        if (!fits) continue;
        uint32_t last = LastMentionBefore(static_cast<int>(i), m.span.begin) + 1;  // 1: none
        if (best < 0 || last >= best_pos) {
          best = static_cast<int>(i);
          best_pos = last;
        }
      }
    }
    if (best >= 0) return best;
  }
  if (auto it = alias_.find(folded); it != alias_.end() && gender_fits(it->second))
    return it->second;
  if (m.type == ActorType::kPerson && name.find(' ') != std::string::npos) {
    // A full name after a surname-only actor founded by a title ("President Xi").
    const size_t last_hash = WordHashOf(LastWord(name));
    for (size_t i = 0; i < actors_.size(); ++i) {
      const Actor& a = actors_[i];
      if (keys_[i].single_name && keys_[i].last_word == last_hash && a.type == ActorType::kPerson &&
          a.name.find(' ') == std::string::npos && LastWord(name) == a.name)
        return static_cast<int>(i);
    }
    // "Donald J. Trump" and "Donald Trump", "Hillary Rodham Clinton" and "Hillary Clinton": the
    // same first and last names, one of them without middle names; of several, the one
    // mentioned last ("George W. Bush" and "George H.W. Bush" both fit "George Bush").
    int best = -1;
    uint32_t best_pos = 0;
    const size_t first_hash = WordHashOf(std::string_view(name).substr(0, name.find(' ')));
    for (size_t i = 0; i < actors_.size(); ++i) {
      // The word hashes rule out nearly every actor before a string is compared.
      if (keys_[i].first_word != first_hash || keys_[i].last_word != last_hash) continue;
      const Actor& a = actors_[i];
      if (a.type != ActorType::kPerson || !gender_fits(static_cast<int>(i)) ||
          !SameNameButMiddle(a.name, name))
        continue;
      uint32_t last = LastMentionBefore(static_cast<int>(i), m.span.begin) + 1;
      if (best < 0 || last >= best_pos) {
        best = static_cast<int>(i);
        best_pos = last;
      }
    }
    if (best >= 0) return best;
  }
  return -1;
}

void ActorTable::SetNameKeys(int actor) {
  const std::string& name = actors_[static_cast<size_t>(actor)].name;
  NameKeys& k = keys_[static_cast<size_t>(actor)];
  size_t first = name.find(' ');
  k.single_name = first == std::string::npos;
  k.first_word = WordHashOf(std::string_view(name).substr(0, first));
  k.last_word = WordHashOf(LastWord(name));
}

int ActorTable::Create(const NameMention& m, const std::string& name, std::string folded) {
  Actor a;
  a.name = name;
  a.type = m.type;
  a.id = ActorIdOfFolded(m.type, folded);
  folded_.emplace_back().push_back(std::move(folded));  // moved, not copied from a list
  IndexMin(&canon_, folded_.back()[0], static_cast<int>(folded_.size() - 1));
  actors_.push_back(std::move(a));
  genders_.push_back(m.gender);
  latest_mention_.push_back(0);
  keys_.emplace_back();
  SetNameKeys(static_cast<int>(actors_.size() - 1));
  return static_cast<int>(actors_.size() - 1);
}

void ActorTable::AddAlias(int actor, std::string alias) { AddAlias(actor, alias, FoldName(alias)); }

void ActorTable::AddAlias(int actor, std::string alias, std::string f) {
  Actor& a = actors_[static_cast<size_t>(actor)];
  std::vector<std::string>& folded = folded_[static_cast<size_t>(actor)];
  if (alias.empty() || std::find(folded.begin(), folded.end(), f) != folded.end()) return;
  IndexMin(&alias_, f, actor);
  keys_[static_cast<size_t>(actor)].aliases.push_back(WordHashOf(f));
  folded.push_back(std::move(f));
  a.aliases.push_back(std::move(alias));
}

void ActorTable::AddRole(int actor, const NameMention& m) {
  if (!m.appos_title.empty()) AddRole(actor, m.appos_title, m.appos_of, m.appos_span);
  if (!m.title.empty()) AddRole(actor, m.title, m.of, m.span);
}

void ActorTable::AddRole(int actor, const std::string& title, const std::string& of,
                         Span evidence) {
  // Honorifics are not roles.
  std::string lt = Lower(title);
  if (lt == "mr." || lt == "mrs." || lt == "ms." || lt == "miss" || lt == "dr." || lt == "sir")
    return;
  Actor& a = actors_[static_cast<size_t>(actor)];
  for (auto& r : a.roles) {
    if (Lower(r.title) == lt) {
      if (r.of.empty()) r.of = of;
      return;
    }
  }
  Role r;
  r.title = title;
  r.of = of;
  r.evidence = evidence;
  a.roles.push_back(std::move(r));
}

int ActorTable::AddMention(const NameMention& m) {
  std::string name = NameText(text_, m.name);
  if (name.empty()) return -1;
  std::string folded_name = FoldName(name);
  int idx = Find(m, name, folded_name);
  if (idx < 0) {
    if (!m.certain) return -1;
    idx = Create(m, name, folded_name);
  } else if (m.type == ActorType::kPerson && name.find(' ') != std::string::npos &&
             actors_[static_cast<size_t>(idx)].name.find(' ') == std::string::npos) {
    // Upgrade "Xi" founded by "President Xi" to the full name.
    Actor& a = actors_[static_cast<size_t>(idx)];
    a.aliases.push_back(a.name);
    a.name = name;
    a.id = ActorIdOfFolded(a.type, folded_name);
    auto& folded = folded_[static_cast<size_t>(idx)];
    folded.push_back(folded[0]);
    folded[0] = folded_name;
    keys_[static_cast<size_t>(idx)].aliases.push_back(WordHashOf(folded.back()));
    SetNameKeys(idx);
    // Re-index: the old name is now an alias; its canon_ entry goes to the next actor so named.
    IndexMin(&alias_, folded.back(), idx);
    if (auto it = canon_.find(folded.back()); it != canon_.end() && it->second == idx) {
      canon_.erase(it);
      for (size_t i = 0; i < folded_.size(); ++i)
        if (folded_[i][0] == folded.back()) {
          canon_.emplace(folded.back(), static_cast<int>(i));
          break;
        }
    }
    IndexMin(&canon_, folded[0], idx);
  }
  RecordMention(idx, m.span);
  AddAlias(idx, name, std::move(folded_name));
  if (m.span.begin != m.name.begin) AddAlias(idx, NameText(text_, m.span));
  if (!m.title.empty() && m.type == ActorType::kPerson && name.find(' ') == std::string::npos &&
      std::isupper(static_cast<unsigned char>(m.title[0])))
    AddAlias(idx, m.title + " " + name);  // "President Xi"
  AddRole(idx, m);
  if (!m.gender.empty() && genders_[static_cast<size_t>(idx)].empty())
    genders_[static_cast<size_t>(idx)] = m.gender;
  return idx;
}

int ActorTable::AddSpeakerName(const NameMention& m) {
  int idx = AddMention(m);
  if (idx >= 0) return idx;
  std::string name = NameText(text_, m.name);
  if (name.empty()) return -1;
  idx = Create(m, name, FoldName(name));
  RecordMention(idx, m.span);
  return idx;
}

int ActorTable::FindOrganizationByFirstWord(const std::string& word, Span mention) {
  int best = -1;
  uint32_t best_pos = 0;
  const size_t word_hash = WordHashOf(word);
  for (size_t i = 0; i < actors_.size(); ++i) {
    const Actor& a = actors_[i];
    if (keys_[i].first_word != word_hash || a.type != ActorType::kOrganization ||
        !StartsWithWord(a.name, word))
      continue;
    uint32_t last = LastMentionBefore(static_cast<int>(i), mention.begin) + 1;
    if (best < 0 || last >= best_pos) {
      best = static_cast<int>(i);
      best_pos = last;
    }
  }
  if (best >= 0) {
    RecordMention(best, mention);
    AddAlias(best, word);
  }
  return best;
}

int ActorTable::FindForHeadline(std::string_view name) const {
  const std::string folded = FoldName(name);
  if (folded.empty()) return -1;
  if (folded.find(' ') == std::string::npos) {
    // A surname fits only when one person of the body has it: "Clinton" over an article about
    // Hillary and Bill Clinton stays unresolved, even where the body called one of them so.
    const size_t hash = WordHashOf(name);  // keys_ hash the name's words as written
    int found = -1;
    for (size_t i = 0; i < actors_.size(); ++i) {
      if (actors_[i].type != ActorType::kPerson || keys_[i].last_word != hash) continue;
      if (LastWord(actors_[i].name) != name) continue;
      if (found >= 0) return -1;
      found = static_cast<int>(i);
    }
    if (found >= 0) return found;
  }
  if (auto it = canon_.find(folded); it != canon_.end()) return it->second;
  if (auto it = alias_.find(folded); it != alias_.end()) return it->second;
  return -1;
}

int ActorTable::ResolvePronoun(std::string_view w, uint32_t pos) const {
  bool person = w == "he" || w == "she" || w == "his" || w == "her" || w == "him";
  bool thing = w == "it" || w == "its";
  if (!person && !thing) return -1;
  std::string want = w == "he" || w == "his" || w == "him" ? "male"
                     : (w == "she" || w == "her")          ? "female"
                                                           : "";
  int best = -1;
  uint32_t best_pos = 0;
  for (size_t i = 0; i < actors_.size(); ++i) {
    const Actor& a = actors_[i];
    if (person && a.type != ActorType::kPerson) continue;
    if (thing && a.type != ActorType::kOrganization) continue;
    if (person && !want.empty() && !genders_[i].empty() && genders_[i] != want) continue;
    uint32_t last = LastMentionBefore(static_cast<int>(i), pos);
    if (last > best_pos) {
      best_pos = last;
      best = static_cast<int>(i);
    }
  }
  return best;
}

int ActorTable::ResolveRoleNoun(std::string_view head, const std::vector<std::string>& titles,
                                uint32_t pos) const {
  bool org_noun =
      std::find(std::begin(kOrgNouns), std::end(kOrgNouns), head) != std::end(kOrgNouns);
  int best = -1;
  uint32_t best_pos = 0;
  for (size_t i = 0; i < actors_.size(); ++i) {
    const Actor& a = actors_[i];
    bool fits = false;
    if (a.type == ActorType::kPerson) {
      for (const auto& r : a.roles) {
        std::string t = Lower(r.title);
        if (t == head ||
            (t.size() > head.size() && t.compare(t.size() - head.size(), head.size(), head) == 0 &&
             t[t.size() - head.size() - 1] == ' ') ||
            std::find(titles.begin(), titles.end(), t) != titles.end())
          fits = true;
      }
    } else if (a.type == ActorType::kOrganization && org_noun) {
      // "the ministry" -> "Ministry of Defence"; "the company"/"the firm" -> any organisation
      // whose name does not say it is something else (a public body, a party, a school).
      static constexpr std::string_view kNotCompany[] = {
          "ministry",    "government", "institute",  "department", "agency",         "team",
          "committee",   "council",    "commission", "party",      "court",          "congress",
          "senate",      "house",      "parliament", "assembly",   "university",     "college",
          "school",      "church",     "police",     "army",       "navy",           "union",
          "association", "foundation", "office",     "bureau",     "administration", "board"};
      std::string ln = " " + Lower(a.name) + " ";
      bool other_kind = false;
      for (std::string_view w : kNotCompany)
        other_kind = other_kind || ln.find(" " + std::string(w) + " ") != std::string::npos;
      fits = ln.find(" " + std::string(head) + " ") != std::string::npos ||
             ((head == "company" || head == "firm") && !other_kind);
    }
    if (!fits) continue;
    uint32_t last = LastMentionBefore(static_cast<int>(i), pos);
    if (last > best_pos) {
      best_pos = last;
      best = static_cast<int>(i);
    }
  }
  return best;
}

void ActorTable::AddReference(int actor, Span span, std::string_view alias) {
  if (actor < 0) return;
  RecordMention(actor, span);
  std::string al(alias);
  if (!al.empty() && !IsPersonalPronoun(Lower(al))) AddAlias(actor, al);
}

}  // namespace tkg::extract
