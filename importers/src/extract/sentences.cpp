#include "sentences.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <cctype>
#include <memory>
#include <string>
#include <vector>

#include "word_list.h"

namespace tkg::extract {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// One iterator per thread: creating one costs far more than splitting an article.
icu::BreakIterator* ThreadIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iter = [] {
    UErrorCode status = U_ZERO_ERROR;
    // No ICU suppression list: it holds words that do end sentences in news ("the Affordable
    // Care Act.", "said no."); abbreviations are merged back below, with news in mind.
    icu::Locale locale("en");
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createSentenceInstance(locale, status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  return iter.get();
}

// A line as UTF-16 for the break iterator, with the byte offset of each code unit. ICU walks a
// UTF-16 text in place, while a UTF-8 UText converts the text chunk by chunk as the iterator
// moves (that conversion cost a third as much as the breaking itself). Reused across lines.
class Utf16Line {
 public:
  // False for ill-formed UTF-8: the caller then hands ICU the bytes, which it reads its own way.
  bool Convert(std::string_view line) {
    const auto* s = reinterpret_cast<const uint8_t*>(line.data());
    const int32_t n = static_cast<int32_t>(line.size());
    // A line never has more UTF-16 units than bytes: written in place, no push_back per unit.
    if (units_.size() < line.size() + 1) {
      units_.resize(line.size() + 1);
      byte_of_.resize(line.size() + 1);
    }
    UChar* u = units_.data();
    uint32_t* at = byte_of_.data();
    int32_t k = 0;
    for (int32_t i = 0; i < n;) {
      if (s[i] < 0x80) {  // most bytes of English news
        u[k] = s[i];
        at[k++] = static_cast<uint32_t>(i++);
        continue;
      }
      int32_t start = i;
      UChar32 c;
      U8_NEXT(s, i, n, c);
      if (c < 0) return false;
      if (U_IS_BMP(c)) {
        u[k] = static_cast<UChar>(c);
        at[k++] = static_cast<uint32_t>(start);
      } else {
        u[k] = U16_LEAD(c);
        at[k++] = static_cast<uint32_t>(start);
        u[k] = U16_TRAIL(c);
        at[k++] = static_cast<uint32_t>(start);
      }
    }
    at[k] = static_cast<uint32_t>(n);
    size_ = k;
    return true;
  }
  const UChar* data() const { return units_.data(); }
  int64_t size() const { return size_; }
  // The byte offset in the line of a code unit index (a break ICU reported).
  size_t Byte(int32_t unit) const { return byte_of_[static_cast<size_t>(unit)]; }

 private:
  std::vector<UChar> units_;
  std::vector<uint32_t> byte_of_;  // per unit, and the line's end
  int64_t size_ = 0;               // units of the current line
};

// A sentence never starts with a lower-case letter: ICU's break after "U.S." or "No." before
// one is undone.
bool StartsLower(std::string_view text, size_t b) {
  return b < text.size() && text[b] >= 'a' && text[b] <= 'z';
}

// The last whitespace-separated word of `s`, lower-cased ("u.s.", "act."); empty when longer
// than `max_len` bytes (no abbreviation is).
std::string LastWordLower(std::string_view text, Span s, size_t max_len, size_t* begin) {
  size_t e = s.end, b = e;
  while (b > s.begin && text[b - 1] != ' ' && text[b - 1] != '\n' && text[b - 1] != '(' &&
         text[b - 1] != '"')
    --b;
  *begin = b;
  if (e - b > max_len) return {};
  std::string w(text.substr(b, e - b));
  for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return w;
}

// Titles written with a period never end a sentence ("Dr. Lindgren", "Gen. Ortiz"), whatever
// ICU's suppression list holds.
bool EndsWithTitleAbbreviation(std::string_view text, Span s) {
  static constexpr std::string_view kTitles[] = {
      "mr.",   "mrs.",  "ms.",  "dr.",  "rep.",  "sen.", "gov.", "gen.",    "lt.",  "col.", "sgt.",
      "capt.", "prof.", "rev.", "adm.", "cmdr.", "maj.", "st.",  "messrs.", "hon.", "pres."};
  size_t e = s.end;
  size_t b = e;
  std::string w = LastWordLower(text, s, 7, &b);
  if (w.empty()) return false;
  // Initials of a name: "G.K." in "Rep. G.K. Smith", "J." in "John J. Doe" (but not "U.S.").
  {
    std::string_view v = text.substr(b, e - b);
    bool initials = v.size() >= 2 && v.size() <= 6 && v.size() % 2 == 0;
    for (size_t i = 0; initials && i < v.size(); i += 2)
      initials = v[i] >= 'A' && v[i] <= 'Z' && v[i + 1] == '.';
    static constexpr std::string_view kPlaces[] = {"U.S.", "U.K.", "U.N.", "D.C.", "E.U.",
                                                   "A.M.", "P.M.", "L.A.", "N.Y."};
    for (auto p : kPlaces) initials = initials && v != p;
    // a capitalised word before it: "Plan B." at a sentence end is rare, "John J." common
    if (initials && b >= 2 && text[b - 1] == ' ') {
      size_t w0 = b - 1;
      while (w0 > s.begin && text[w0 - 1] != ' ' && text[w0 - 1] != '\n') --w0;
      if (w0 < b - 1 && text[w0] >= 'A' && text[w0] <= 'Z') return true;
    }
  }
  return OneOf(w, kTitles);
}

// Abbreviations that usually stand inside a sentence: a company, a state, a month, a country
// written with periods ("Apple Inc. said", "Salem, Ore., where", "Jan. 5", "U.S. officials"), or
// a single initial.
bool EndsWithInnerAbbreviation(std::string_view text, Span s) {
  static constexpr std::string_view kAbbreviations[] = {
      "inc.",  "corp.", "co.",   "ltd.",   "jr.",   "sr.",   "bros.", "ave.",  "blvd.", "no.",
      "jan.",  "feb.",  "mar.",  "apr.",   "aug.",  "sep.",  "sept.", "oct.",  "nov.",  "dec.",
      "ala.",  "ariz.", "ark.",  "calif.", "colo.", "conn.", "del.",  "fla.",  "ga.",   "ill.",
      "ind.",  "kan.",  "ky.",   "la.",    "md.",   "mass.", "mich.", "minn.", "miss.", "mo.",
      "mont.", "neb.",  "nev.",  "okla.",  "ore.",  "pa.",   "tenn.", "tex.",  "va.",   "vt.",
      "wash.", "wis.",  "wyo.",  "n.h.",   "n.j.",  "n.m.",  "n.c.",  "s.c.",  "n.d.",  "s.d.",
      "r.i.",  "w.va.", "u.s.",  "u.k.",   "u.n.",  "d.c.",  "e.u.",  "vs.",   "v.",    "approx.",
      "est.",  "dept.", "univ.", "assn.",  "ft.",   "mt.",   "gov't."};
  size_t b = 0;
  std::string w = LastWordLower(text, s, 7, &b);
  // Initials: "M. Night Shyamalan", "when J. Edgar Hoover ran the bureau", "J.J. Goldberg".
  bool initials = w.size() >= 2 && w.size() <= 6 && w.size() % 2 == 0;
  for (size_t i = 0; initials && i < w.size(); i += 2)
    initials = w[i] >= 'a' && w[i] <= 'z' && w[i + 1] == '.';
  if (initials) return true;
  return OneOf(w, kAbbreviations);
}

// Words that open a new sentence after an abbreviation ("... in the U.S. The ..."), so the
// break stands.
bool StartsWithSentenceOpener(std::string_view text, size_t b) {
  static constexpr std::string_view kOpeners[] = {
      "The",   "A",     "An",    "He",    "She",    "It",    "They",    "We",  "I",    "You",
      "But",   "And",   "Or",    "So",    "In",     "On",    "At",      "For", "That", "This",
      "These", "Those", "There", "His",   "Her",    "Their", "Its",     "Our", "My",   "When",
      "While", "If",    "As",    "After", "Before", "Still", "However", "Yet", "Many", "Some",
      "Most",  "Now",   "Then",  "Last",  "Asked",  "What",  "Why",     "How", "Who",  "Both"};
  // A quotation opening after the period: "... in Santa Monica, Calif. "The reality is ...""
  if (b < text.size() && (text[b] == '"' || text.compare(b, 3, "\xE2\x80\x9C") == 0)) return true;
  size_t e = b;
  while (e < text.size() && std::isalpha(static_cast<unsigned char>(text[e]))) ++e;
  std::string_view w = text.substr(b, e - b);
  return OneOf(w, kOpeners);
}

void AddTrimmed(std::string_view text, size_t b, size_t e, uint32_t paragraph,
                std::vector<Sentence>* out) {
  while (b < e && (IsSpace(text[b]) || text.compare(b, 2, "\xC2\xA0") == 0))
    b += IsSpace(text[b]) ? 1 : 2;
  while (e > b && (IsSpace(text[e - 1]) || (e - b >= 2 && text.compare(e - 2, 2, "\xC2\xA0") == 0)))
    e -= IsSpace(text[e - 1]) ? 1 : 2;
  if (e <= b) return;
  if (!out->empty() && out->back().paragraph == paragraph &&
      (StartsLower(text, b) || EndsWithTitleAbbreviation(text, out->back().span) ||
       (EndsWithInnerAbbreviation(text, out->back().span) && !StartsWithSentenceOpener(text, b)))) {
    out->back().span.end = static_cast<uint32_t>(e);
    return;
  }
  out->push_back({{static_cast<uint32_t>(b), static_cast<uint32_t>(e)}, paragraph});
}

}  // namespace

std::vector<Sentence> SplitSentences(std::string_view text, Span body) {
  std::vector<Sentence> out;
  size_t end = std::min<size_t>(body.end, text.size());
  size_t pos = body.begin;
  uint32_t paragraph = 0;
  icu::BreakIterator* it = ThreadIterator();
  // One UText on the stack, re-pointed at each line: opening one per line allocated it.
  UText line_text = UTEXT_INITIALIZER;
  Utf16Line line16;
  while (pos < end) {
    size_t nl = text.find('\n', pos);
    size_t line_end = (nl == std::string_view::npos || nl > end) ? end : nl;
    if (line_end > pos) {
      std::string_view line = text.substr(pos, line_end - pos);
      bool blank = true;
      for (char c : line)
        if (!IsSpace(c)) {
          blank = false;
          break;
        }
      if (!blank) {
        UErrorCode status = U_ZERO_ERROR;
        bool utf16 = line16.Convert(line);
        UText* ut = utf16 ? utext_openUChars(&line_text, line16.data(), line16.size(), &status)
                          : utext_openUTF8(&line_text, line.data(),
                                           static_cast<int64_t>(line.size()), &status);
        if (it != nullptr && U_SUCCESS(status)) {
          it->setText(ut, status);
          // Native indexes of a UTF-8 UText are byte offsets; of a UTF-16 one, code units.
          auto byte = [&](int32_t b) { return utf16 ? line16.Byte(b) : static_cast<size_t>(b); };
          size_t prev = byte(it->first());
          for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
            AddTrimmed(text, pos + prev, pos + byte(b), paragraph, &out);
            prev = byte(b);
          }
        } else {
          AddTrimmed(text, pos, line_end, paragraph, &out);
        }
        ++paragraph;
      }
    }
    pos = line_end + 1;
  }
  utext_close(&line_text);
  return out;
}

}  // namespace tkg::extract
