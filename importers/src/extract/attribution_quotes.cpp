#include <algorithm>

#include "attribution_finder.h"

namespace tkg::extract::attr {

void Finder::MarkQuotes() {
  inside.resize(S.size());
  bool in = false;
  uint32_t para = UINT32_MAX;
  for (size_t s = 0; s < S.size(); ++s) {
    if (S[s].paragraph != para) {
      in = false;
      para = S[s].paragraph;
    }
    const Toks& T = S[s].tokens;
    inside[s].assign(T.size(), 0);
    for (size_t i = 0; i < T.size(); ++i) {
      if (T[i].kind == TokenKind::kOpenQuote) {
        in = true;
      } else if (T[i].kind == TokenKind::kCloseQuote) {
        in = false;
      }
      inside[s][i] = in && T[i].kind != TokenKind::kOpenQuote;
    }
  }
}

// A quotation opened at token k of sentence s: its content up to the closing mark, following
// sentences of the same paragraph if needed. Sets *last_sentence.
Span Finder::QuoteForward(size_t s, size_t k, size_t* last_sentence) const {
  uint32_t begin = S[s].tokens[k].end;
  uint32_t para = S[s].paragraph;
  for (size_t t = s; t < S.size() && t < s + 12; ++t) {
    const Toks& T = S[t].tokens;
    size_t from = t == s ? k + 1 : 0;
    if (S[t].paragraph != para) {
      // A paragraph that ends inside a quotation goes on in the next one, which reopens it.
      if (para == UINT32_MAX || T.empty() || T[0].kind != TokenKind::kOpenQuote) break;
      para = S[t].paragraph;
      from = 1;
    }
    for (size_t i = from; i < T.size(); ++i) {
      if (T[i].kind == TokenKind::kCloseQuote || (t != s && T[i].kind == TokenKind::kOpenQuote)) {
        *last_sentence = t;
        return TrimSpan(Span{begin, T[i].begin});
      }
    }
    *last_sentence = t;
  }
  return TrimSpan(Span{begin, S[*last_sentence].span.end});
}

// A quotation closed at token k of sentence s: its content from the opening mark, earlier
// sentences of the same paragraph if needed. Sets *first_sentence.
Span Finder::QuoteBackward(size_t s, size_t k, size_t* first_sentence) const {
  uint32_t end = S[s].tokens[k].begin;
  for (size_t t = s + 1; t-- > 0;) {
    if (S[t].paragraph != S[s].paragraph || s - t > 12) break;
    const Toks& T = S[t].tokens;
    size_t from = t == s ? k : T.size();
    for (size_t i = from; i-- > 0;) {
      if (T[i].kind == TokenKind::kOpenQuote) {
        *first_sentence = t;
        return TrimSpan(Span{T[i].end, end});
      }
      if (t != s && T[i].kind == TokenKind::kCloseQuote) {
        *first_sentence = t + 1 <= s ? t + 1 : s;
        return TrimSpan(Span{S[*first_sentence].span.begin, end});
      }
    }
    *first_sentence = t;
  }
  return TrimSpan(Span{S[*first_sentence].span.begin, end});
}

Span Finder::TrimSpan(Span sp) const {
  auto strip_front = [&](uint32_t& b, uint32_t e) {
    while (b < e) {
      unsigned char c = static_cast<unsigned char>(text[b]);
      if (c == ' ' || c == '\n' || c == ',' || c == '"' || c == '\'' || c == ':' || c == '.') {
        ++b;
      } else if (c == 0xE2 && (text.compare(b, 3, "\xE2\x80\x9C") == 0 ||
                               text.compare(b, 3, "\xE2\x80\x9D") == 0 ||
                               text.compare(b, 3, "\xE2\x80\x98") == 0 ||
                               text.compare(b, 3, "\xE2\x80\x94") == 0)) {  // c: no call for ASCII
        b += 3;
      } else if (c == 0xC2 && text.compare(b, 2, "\xC2\xA0") == 0) {
        b += 2;
      } else {
        break;
      }
    }
  };
  strip_front(sp.begin, sp.end);
  const uint32_t original_end = sp.end;
  while (sp.end > sp.begin) {
    unsigned char c = static_cast<unsigned char>(text[sp.end - 1]);
    if (c == ' ' || c == '\n' || c == ',' || c == '"' || c == '.' || c == ':' || c == ';') {
      --sp.end;
    } else if (c < 0x80) {
      break;  // none of the marks below ends in an ASCII byte
    } else if (sp.end - sp.begin >= 3 && (text.compare(sp.end - 3, 3, "\xE2\x80\x9D") == 0 ||
                                          text.compare(sp.end - 3, 3, "\xE2\x80\x9C") == 0 ||
                                          text.compare(sp.end - 3, 3, "\xE2\x80\x94") == 0)) {
      sp.end -= 3;
    } else if (sp.end - sp.begin >= 2 && text.compare(sp.end - 2, 2, "\xC2\xA0") == 0) {
      sp.end -= 2;
    } else {
      break;
    }
  }
  // `represents "New York values,"`: a quotation opened inside the span keeps its closing mark.
  int open = 0;
  for (uint32_t i = sp.begin; i < sp.end; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '"') {
      open = open ? 0 : 1;
    } else if (c == 0xE2 && i + 2 < text.size() && text[i + 1] == '\x80') {
      if (text[i + 2] == '\x9C') open = 1;  // “
      if (text[i + 2] == '\x9D') open = 0;  // ”
    }
  }
  if (open) {
    // The closing mark may lie past the span's end, after its comma (`values,"`).
    uint32_t limit = std::max<uint32_t>(original_end, sp.end + 2);
    for (uint32_t i = sp.end; i < limit && i < text.size(); ++i) {
      if (text[i] == '"') return Span{sp.begin, i + 1};
      if (text.compare(i, 3, "\xE2\x80\x9D") == 0) return Span{sp.begin, i + 3};
      if (text[i] != ',' && text[i] != '.' && text[i] != ' ' && i >= original_end) break;
    }
  }
  return sp;
}

// Sentences after a direct quotation that continue it: same paragraph, opening with a quote.
void Finder::FollowingQuotes(Attribution* a) {
  size_t t = a->last_sentence + 1;
  while (t < S.size() && S[t].paragraph == S[a->sentence].paragraph) {
    const Toks& T = S[t].tokens;
    if (T.empty() || T[0].kind != TokenKind::kOpenQuote) break;
    // A quotation with a cue of its own (`"...," she said.`) is a statement of its own.
    bool own_cue = false;
    for (size_t i = 1; i < T.size() && !own_cue; ++i)
      own_cue = !inside[t][i] && T[i].is_word() && !T[i].capitalized && IsVerbCue(T, i, lex);
    if (own_cue) break;
    size_t last = t;
    Span q = QuoteForward(t, 0, &last);
    if (q.empty()) break;
    a->content_parts.push_back(q);
    a->content.end = q.end;
    a->last_sentence = last;
    t = last + 1;
  }
  // A paragraph that is nothing but a quotation, right after the statement's own paragraph,
  // goes on in the same voice (the news convention for a long quotation).
  if (t >= S.size() || t != a->last_sentence + 1 || S[t].paragraph == S[a->sentence].paragraph)
    return;
  const uint32_t next = S[t].paragraph;
  if (S[t].tokens.empty() || S[t].tokens[0].kind != TokenKind::kOpenQuote) return;
  for (size_t u = t; u < S.size() && S[u].paragraph == next; ++u) {
    const Toks& T = S[u].tokens;
    for (size_t i = 0; i < T.size(); ++i)
      if (!inside[u][i] && T[i].is_word()) return;  // words outside the quotation
  }
  size_t last = t;
  Span q = QuoteForward(t, 0, &last);
  if (q.empty()) return;
  a->content_parts.push_back(q);
  a->content.end = q.end;
  a->last_sentence = last;
}

// `"Q1," he said, "Q2."`: appends Q2.
void Finder::Continuation(size_t s, size_t k, Attribution* a) {
  const Toks& T = S[s].tokens;
  if (k + 1 < T.size() && T[k].is(",") && T[k + 1].kind == TokenKind::kOpenQuote) {
    size_t last = s;
    Span q = QuoteForward(s, k + 1, &last);
    if (!q.empty()) {
      a->content_parts.push_back(q);
      a->content.end = q.end;
      a->last_sentence = last;
      a->direct = true;
    }
  }
}

// The content before a source that follows it: the quotation closed at or before token
// `close`, or the clause from the sentence start.
bool Finder::BackwardContent(size_t s, size_t close, Attribution* a) {
  const Toks& T = S[s].tokens;
  size_t q = close;
  while (q > 0 && (T[q].is(",") || T[q].is("--") || T[q].lower == "\xE2\x80\x94" || T[q].is(":")))
    --q;
  // A quotation woven into the writer's sentence ("... will take time to "cool off," Kunin
  // said"): the content is the sentence, not only its quoted words.
  bool woven = false;
  if (T[q].kind == TokenKind::kCloseQuote ||
      (q > 0 && T[q].is(",") && T[q - 1].kind == TokenKind::kCloseQuote)) {
    size_t open = SIZE_MAX;
    for (size_t i = q; i-- > 0;) {
      if (T[i].kind == TokenKind::kOpenQuote) {
        open = i;
        break;
      }
    }
    woven = open != SIZE_MAX && open > 0 && T[open - 1].is_word() && !inside[s][0] &&
            WordCount(T, Range{0, open}) >= 3;
  }
  if (!woven && (T[q].kind == TokenKind::kCloseQuote ||
                 (q > 0 && T[q].is(",") && T[q - 1].kind == TokenKind::kCloseQuote))) {
    size_t first = s;
    Span c = QuoteBackward(s, q, &first);
    if (c.empty()) return false;
    a->content = c;
    a->content_parts = {c};
    a->direct = true;
    a->first_sentence = first;
    return true;
  }
  Range r{SkipDateline(T, close), close};  // not the dateline ("WASHINGTON -- ")
  // Content that is itself a quotation opened in an earlier sentence.
  if (inside[s].size() > 0 && close > 0 && inside[s][0]) {
    return false;
  }
  r = Trim(T, r);
  if (WordCount(T, r) < 3 || IntroPhrase(T, r)) return false;
  SetContent(a, T, r);
  return true;
}

}  // namespace tkg::extract::attr
