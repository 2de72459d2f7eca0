#include "names.h"

#include <algorithm>
#include <cctype>

namespace tkg::extract {

namespace {

bool IsConnector(const Token& t) {
  return t.is("of") || t.is("for") || t.is("and") || t.is("the") || t.is("on") || t.is("de") ||
         t.is("&") || t.is("al") || t.is("van") || t.is("von") || t.is("bin") || t.is("la");
}

bool IsAcronym(std::string_view text, const Token& t) {
  if (t.end - t.begin < 2) return false;
  int letters = 0;
  for (uint32_t i = t.begin; i < t.end; ++i) {
    char c = text[i];
    if (std::islower(static_cast<unsigned char>(c))) return false;
    if (std::isupper(static_cast<unsigned char>(c))) ++letters;
  }
  return letters >= 2;
}

// A word that begins no name, also contracted: "He's", "I'm", "They're", "What's".
bool IsNonName(const Token& t, const Lexicon& lex) {
  if (lex.nonnames.count(t)) return true;
  std::string_view stem = WithoutContraction(t.lower);
  return stem.size() < t.lower.size() && lex.nonnames.count(stem) > 0;
}

// The number of tokens of a place name at `k` that a title follows ("Florida Sen.", "New
// Hampshire Gov."), or 0.
size_t PlaceBeforeTitle(const std::vector<Token>& toks, size_t k, size_t e, const Lexicon& lex) {
  if (k + 3 < e && lex.place_heads.count(toks[k]) &&
      lex.places.count(toks[k].lower + " " + toks[k + 1].lower) &&
      lex.titles.Match(toks, k + 2) != nullptr)
    return 2;
  if (k + 2 < e && lex.places.count(toks[k]) && lex.titles.Match(toks, k + 1) != nullptr) return 1;
  return 0;
}

bool HasOrgWord(const std::vector<Token>& toks, size_t a, size_t b, const Lexicon& lex) {
  for (size_t j = a; j < b; ++j)
    if (lex.org_words.count(toks[j])) return true;
  return false;
}

// "BuzzFeed", "HuffPost", "RealClearPolitics": a capital after a lower-case letter inside one
// word names a company or a publication; surnames that do so ("McConnell", "DeSantis",
// "LaHood", "MacArthur") begin with a particle.
bool IsCamelCase(std::string_view text, const Token& t) {
  std::string_view w = text.substr(t.begin, t.end - t.begin);
  // The hump first: most words have none, and then the particles need no comparing.
  bool hump = false;
  for (size_t i = 1; i + 1 < w.size() && !hump; ++i)
    hump = std::islower(static_cast<unsigned char>(w[i])) &&
           std::isupper(static_cast<unsigned char>(w[i + 1]));
  if (!hump) return false;
  for (std::string_view particle : {"Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von"})
    if (w.size() > particle.size() && w.substr(0, particle.size()) == particle &&
        std::isupper(static_cast<unsigned char>(w[particle.size()])))
      return false;
  return true;
}

bool EndsPossessive(const Token& t) {
  return t.lower.size() > 2 && t.lower.compare(t.lower.size() - 2, 2, "'s") == 0;
}

std::string Join(std::string_view text, const std::vector<Token>& toks, size_t a, size_t b) {
  if (a >= b) return "";
  return NameText(text, Span{toks[a].begin, toks[b - 1].end});
}

// "Chief of Staff Katie Walsh", "Director of Government Affairs Phil Smith": "of" and the
// capitalised words after a title belong to it while two words are left for the name. Returns
// where the name may begin.
size_t TitleComplement(std::string_view text, const std::vector<Token>& toks, size_t k, size_t e,
                       std::string* title) {
  if (k >= e || !(toks[k].is("of") || toks[k].is("for"))) return k;
  size_t j = k + 1;
  while (j + 2 < e && toks[j].capitalized) ++j;
  if (j == k + 1) return k;
  *title += " " + Join(text, toks, k, j);
  return j;
}

}  // namespace

std::string_view WithoutContraction(std::string_view lower) {
  size_t apos = lower.find('\'');
  if (apos == std::string_view::npos || apos == 0) return lower;
  std::string_view tail = lower.substr(apos + 1);
  bool contraction =
      tail == "s" || tail == "m" || tail == "re" || tail == "ve" || tail == "ll" || tail == "d";
  return contraction ? lower.substr(0, apos) : lower;
}

LoneWord ClassifyLoneWord(const Token& word, const Lexicon& lex) {
  const std::string& w = word.lower;
  if (lex.group_words.count(word) || lex.demonyms.count(word)) return LoneWord::kGroup;
  bool plural = w.size() > 3 && w.back() == 's';
  std::string singular = plural ? w.substr(0, w.size() - 1) : std::string();
  if (plural && lex.demonyms.count(singular)) return LoneWord::kGroup;  // "Americans"
  if (w.size() == 1) return LoneWord::kCommonNoun;  // "Q:" of an interview, an initial
  if (lex.source_nouns.count(word) || (plural && lex.source_nouns.count(singular)))
    return LoneWord::kCommonNoun;
  return LoneWord::kMaybeName;
}

namespace {

// Bytes of the space character starting at text[i] (ASCII white space, a no-break space, or a
// Unicode space between U+2000 and U+200A or U+202F), or 0. News often sets a no-break space
// between a given name and a surname, and wrapped text breaks lines inside names.
size_t SpaceBytes(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
  if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(text[i + 2]);
    if ((d >= 0x80 && d <= 0x8A) || d == 0xAF) return 3;
  }
  return 0;
}

}  // namespace

std::string NameText(std::string_view text, Span span) {
  // A name's words joined by single ASCII spaces, whatever space separated them in the text.
  std::string_view raw = SpanText(text, span);
  std::string s;
  s.reserve(raw.size());
  for (size_t i = 0; i < raw.size();) {
    size_t n = SpaceBytes(raw, i);
    if (n == 0) {
      s.push_back(raw[i++]);
      continue;
    }
    if (!s.empty() && s.back() != ' ') s.push_back(' ');
    i += n;
  }
  if (!s.empty() && s.back() == ' ') s.pop_back();
  auto s_at_end = !s.empty() && (s.back() == 's' || s.back() == 'S');
  if (s_at_end && s.size() > 2 && s[s.size() - 2] == '\'')
    s.resize(s.size() - 2);
  else if (s_at_end && s.size() > 4 && s.compare(s.size() - 4, 3, "\xE2\x80\x99") == 0)
    s.resize(s.size() - 4);
  return s;
}

std::vector<NameMention> FindNames(std::string_view text, const std::vector<Token>& toks,
                                   const Lexicon& lex) {
  std::vector<NameMention> out;
  const size_t n = toks.size();
  size_t i = 0;
  while (i < n) {
    if (!toks[i].is_word() || !toks[i].capitalized) {
      ++i;
      continue;
    }
    // The run of capitalised words with inner connectors.
    size_t s = i, e = i + 1;
    while (e < n) {
      if (EndsPossessive(toks[e - 1])) break;
      if (toks[e].is_word() && toks[e].capitalized) {
        ++e;
        continue;
      }
      if (toks[e].is_word() && IsConnector(toks[e]) && e + 1 < n && toks[e + 1].is_word() &&
          toks[e + 1].capitalized && !IsNonName(toks[e + 1], lex)) {
        e += 2;
        continue;
      }
      break;
    }
    i = e;
    // A lower-case title just before the run ("director Huang Chngqing") lets a run start with
    // any capitalised word ("In An").
    bool title_before = s > 0 && toks[s - 1].is_word() && !toks[s - 1].capitalized &&
                        lex.titles.Match(toks, s - 1) != nullptr &&
                        lex.titles.Match(toks, s - 1)->words.size() == 1;
    if (!title_before) {
      while (s < e && (IsNonName(toks[s], lex) || IsConnector(toks[s]))) ++s;
    } else if (e == s + 1 && (IsNonName(toks[s], lex) || lex.demonyms.count(toks[s]) ||
                              toks[s].is("democratic") || toks[s].is("republican"))) {
      // "the candidate Tuesday morning", "As Secretary I", "a chief Democratic negotiator": a
      // word that begins no name stays none after a title too.
      continue;
    }
    // "in Miami Tuesday": a day after a name is no part of it.
    static const WordSet kDays = {"monday", "tuesday",  "wednesday", "thursday",
                                  "friday", "saturday", "sunday"};
    while (e > s + 1 && kDays.count(toks[e - 1])) --e;
    while (e > s && IsConnector(toks[e - 1])) --e;
    if (s >= e) continue;

    NameMention m;
    m.span = {toks[s].begin, toks[e - 1].end};
    size_t k = s;
    size_t title_start = e;  // where the first title begins, if any
    // Demonyms and titles in front: "Chinese President", "Former Rep.", "U.S. Sen.".
    while (k < e) {
      if (k + 1 < e) {
        if (auto d = lex.demonyms.find(toks[k]); d != lex.demonyms.end()) {
          if (m.of.empty()) m.of = d->second;
          ++k;
          continue;
        }
      }
      // "Florida Sen.", "New Hampshire Gov.": where the title that follows holds.
      if (size_t n = PlaceBeforeTitle(toks, k, e, lex); n > 0) {
        if (m.of.empty()) m.of = Join(text, toks, k, k + n);
        k += n;
        continue;
      }
      // "Republican Donald Trump": a party before a full name is no part of it.
      if ((toks[k].is("republican") || toks[k].is("democrat") || toks[k].is("gop")) &&
          toks[k].capitalized && k + 2 < e && !HasOrgWord(toks, k + 1, e, lex)) {
        ++k;
        continue;
      }
      if (toks[k].is("former") || toks[k].is("acting") || toks[k].is("deputy") ||
          toks[k].is("then")) {
        ++k;
        continue;
      }
      // "Police Chief", "Transit Director": an organisation word heading a title.
      if (k + 2 < e && lex.org_words.count(toks[k]) && lex.titles.Match(toks, k + 1)) {
        const Lexicon::Title* t2 = lex.titles.Match(toks, k + 1);
        if (k + 1 + t2->words.size() < e) {
          title_start = std::min(title_start, k);
          std::string title = Join(text, toks, k, k + 1 + t2->words.size());
          m.title = m.title.empty() ? title : m.title + " " + title;
          k += 1 + t2->words.size();
          continue;
        }
      }
      const Lexicon::Title* t = lex.titles.Match(toks, k);
      if (t != nullptr && k + t->words.size() < e) {
        title_start = std::min(title_start, k);
        std::string title = Join(text, toks, k, k + t->words.size());
        m.title = m.title.empty() ? title : m.title + " " + title;
        if (!t->gender.empty()) m.gender = t->gender;
        k += t->words.size();
        k = TitleComplement(text, toks, k, e, &m.title);
        continue;
      }
      // "Labour Minister Gabriela Novak", "Oversight Committee Chairman X": one or two portfolio
      // words heading the first title, with a name of two words after it.
      if (m.title.empty() && toks[k].capitalized) {
        size_t taken = 0;
        for (size_t lead = 1; lead <= 2 && taken == 0; ++lead) {
          const Lexicon::Title* t1 = k + lead < e ? lex.titles.Match(toks, k + lead) : nullptr;
          if (t1 == nullptr || k + lead + t1->words.size() + 2 > e) continue;
          if (lead == 2 && !toks[k + 1].capitalized) continue;
          if (lex.titles.Match(toks, k + lead + t1->words.size()) != nullptr) continue;
          title_start = std::min(title_start, k);
          m.title = Join(text, toks, k, k + lead + t1->words.size());
          if (!t1->gender.empty()) m.gender = t1->gender;
          taken = lead + t1->words.size();
        }
        if (taken > 0) {
          k += taken;
          k = TitleComplement(text, toks, k, e, &m.title);
          continue;
        }
      }
      break;
    }
    if (k >= e) continue;
    if (e == k + 1 && IsNonName(toks[k], lex)) continue;  // "As Secretary I championed"
    m.first = k;
    m.last = e;
    m.name = {toks[k].begin, toks[e - 1].end};
    if (EndsPossessive(toks[e - 1]))
      m.name.end -= (text.compare(m.name.end - 4, 3, "\xE2\x80\x99") == 0) ? 4 : 2;
    std::string lower_name;
    bool org = false;
    for (size_t j = k; j < e; ++j) {
      std::string_view w = toks[j].lower;
      bool possessive = EndsPossessive(toks[j]);
      if (possessive) w.remove_suffix(2);
      // An organisation word names an organisation at the end ("... Response Team") or before
      // "of"/"for" ("Ministry of Defence"), not as a modifier ("Police Chief Raymond Okoye").
      bool org_word = possessive ? lex.org_words.count(w) > 0 : lex.org_words.count(toks[j]) > 0;
      if (org_word && (j + 1 == e || toks[j + 1].is("of") || toks[j + 1].is("for") ||
                       toks[j + 1].is("on") || toks[j + 1].is("&")))
        org = true;
      if (!lower_name.empty()) lower_name += ' ';
      lower_name += w;
    }
    // A capitalised title before an organisation word is part of the organisation's name:
    // "Justice Department", "Defense Ministry" are no person titled "Justice" or "Defense".
    if (org && !m.title.empty() && title_start < k && toks[title_start].capitalized) {
      k = title_start;
      m.first = k;
      m.name.begin = toks[k].begin;
      m.title.clear();
      m.gender.clear();
      lower_name.clear();
      for (size_t j = k; j < e; ++j) {
        std::string_view w = toks[j].lower;
        if (EndsPossessive(toks[j])) w.remove_suffix(2);
        if (!lower_name.empty()) lower_name += ' ';
        lower_name += w;
      }
    }
    if (e - k == 1 && (IsAcronym(text, toks[k]) || IsCamelCase(text, toks[k])) && m.title.empty())
      org = true;
    // A dateline opening the sentence ("BERGEN — ", "OSLO, Norway -- ") names a place.
    auto is_dash = [](const Token& t) { return IsDash(t) || t.is("-"); };
    bool dateline = s == 0 && IsAcronym(text, toks[k]) && e < n &&
                    (is_dash(toks[e]) || (toks[e].is(",") && e + 2 < n && toks[e + 1].capitalized &&
                                          is_dash(toks[e + 2])));
    // "Alabama and Tennessee", "Sanders and Clinton": two names joined by "and".
    size_t and_at = 0;
    for (size_t j = k + 1; j + 1 < e; ++j)
      if (toks[j].is("and")) and_at = j;
    auto words_of = [&](size_t a, size_t b) {
      std::string w;
      for (size_t j = a; j < b; ++j) w += (j > a ? " " : "") + toks[j].lower;
      return w;
    };
    bool places_joined = and_at > 0 && lex.places.count(words_of(k, and_at)) &&
                         lex.places.count(words_of(and_at + 1, e));
    if (lex.places.count(lower_name) || dateline || places_joined) {
      m.type = ActorType::kPlace;
      m.certain = true;
    } else if (and_at > 0 && !org && m.title.empty()) {
      m.type = ActorType::kGroup;  // two people named together are no one person
      m.certain = e - k >= 3;
    } else if (org && m.title.empty()) {
      m.type = ActorType::kOrganization;
      m.certain = true;
    } else {
      m.type = ActorType::kPerson;
      m.certain = !m.title.empty() || e - k >= 2;
      if (e - k > 4) m.certain = false;  // a headline-like run, not a name
      // "Sen. Bernie Sanders of Vermont": a full name, then where the person is from; the name
      // is "Bernie Sanders", as elsewhere in the article.
      for (size_t o = k + 2; o + 1 < e; ++o) {
        if (!toks[o].is("of")) continue;
        if (m.of.empty()) m.of = Join(text, toks, o + 1, e);
        m.last = o;
        m.name.end = toks[o - 1].end;
        m.certain = o - k <= 4;
        break;
      }
    }
    // "Hillary Clinton": a common given name tells the gender a title did not.
    if (m.type == ActorType::kPerson && m.gender.empty() && e - k >= 2)
      if (auto g = lex.given_genders.find(toks[k]); g != lex.given_genders.end())
        m.gender = g->second;
    // A lower-case title before the name takes the lower-case words before it: "deputy
    // assistant secretary general Pieter van Dam".
    size_t t0 = s - (title_before ? 1 : 0);
    while (title_before && t0 > 0 && t0 + 4 > s && toks[t0 - 1].is_word() &&
           !toks[t0 - 1].capitalized && !IsConnector(toks[t0 - 1]) &&
           (toks[t0 - 1].is("deputy") || toks[t0 - 1].is("assistant") ||
            toks[t0 - 1].is("secretary") || toks[t0 - 1].is("vice") || toks[t0 - 1].is("acting") ||
            toks[t0 - 1].is("executive") || toks[t0 - 1].is("chief") || toks[t0 - 1].is("senior") ||
            toks[t0 - 1].is("general")))
      --t0;
    // "<organisation> director <person>": the role is of the organisation before the title.
    if (m.type == ActorType::kPerson && title_before && !out.empty() &&
        out.back().type != ActorType::kPerson && out.back().span.end <= toks[t0].begin && t0 >= 1 &&
        toks[t0 - 1].end == out.back().span.end) {
      m.title = std::string(SpanText(text, Span{toks[t0].begin, toks[s - 1].end}));
      m.of = NameText(text, out.back().name);
      m.span.begin = out.back().span.begin;
      m.certain = true;
    } else if (m.type == ActorType::kPerson && title_before && m.title.empty()) {
      m.title = std::string(SpanText(text, Span{toks[t0].begin, toks[s - 1].end}));
      m.certain = true;
    }
    // A role from an apposition: the name's title if it has none, else a second role.
    auto add_role = [&m](std::string title, std::string of, Span span) {
      if (m.title.empty()) {
        m.title = std::move(title);
        m.of = std::move(of);
      } else {
        m.appos_title = std::move(title);
        m.appos_of = std::move(of);
        m.appos_span = span;
      }
    };
    // Apposition with a possessive: "Kadri Tamm, Estonia's defence minister, ..." -> the title
    // "defence minister" of "Estonia".
    if (m.type == ActorType::kPerson && e + 3 < n && toks[e].is(",")) {
      size_t j = e + 1;
      while (j < n && j < e + 5 && toks[j].is_word() && toks[j].capitalized &&
             !EndsPossessive(toks[j]))
        ++j;
      if (j < n && toks[j].is_word() && toks[j].capitalized && EndsPossessive(toks[j])) {
        size_t t0 = j + 1, t1 = t0;
        while (t1 < n && t1 < t0 + 4 && toks[t1].is_word() && !toks[t1].capitalized) ++t1;
        std::vector<Token> last(1, t1 > t0 ? toks[t1 - 1] : Token{});
        bool title = t1 > t0 && t1 < n && (toks[t1].is(",") || toks[t1].is(".")) &&
                     lex.titles.Match(last, 0) != nullptr;
        if (title)
          add_role(Join(text, toks, t0, t1), NameText(text, Span{toks[e + 1].begin, toks[j].end}),
                   Span{toks[e + 1].begin, toks[t1 - 1].end});
      }
    }
    // Apposition: "Adam Schiff, the top Democrat on the House Intelligence Committee, ..."
    bool title_appos = e + 2 < n && toks[e].is(",") && lex.titles.Match(toks, e + 1) != nullptr &&
                       !toks[e + 1].capitalized;
    if (m.type == ActorType::kPerson && e + 2 < n && toks[e].is(",") &&
        (toks[e + 1].is("the") || toks[e + 1].is("a") || toks[e + 1].is("an") || title_appos)) {
      size_t j = e + 2, prep = 0;
      if (title_appos) j = e + 1;
      while (j < n && j < e + 14 && toks[j].is_word()) {
        if (prep == 0 &&
            (toks[j].is("of") || toks[j].is("on") || toks[j].is("at") || toks[j].is("for")))
          prep = j;
        ++j;
      }
      bool closed = j >= n || toks[j].is(",") || toks[j].is(".");
      size_t title_begin = title_appos ? e + 1 : e + 2;
      if (closed && prep > title_begin && prep + 1 < j) {
        size_t of_begin = prep + 1;
        if (toks[of_begin].is("the")) ++of_begin;
        if (of_begin < j && toks[of_begin].capitalized)
          add_role(Join(text, toks, title_begin, prep), Join(text, toks, of_begin, j),
                   Span{toks[title_begin].begin, toks[j - 1].end});
      }
    }
    // Room for a sentence's usual few names at once: growing 1, 2, 4 moved every mention (five
    // strings each) twice.
    if (out.empty()) out.reserve(4);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace tkg::extract
