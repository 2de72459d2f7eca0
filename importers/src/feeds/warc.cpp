// ImportWarc (feeds.h). The file is read as a stream, never whole: CC-NEWS files are about a
// gigabyte. A gzip file is a series of members (one record each in CC-NEWS, but any split is
// read); the decompressed bytes are one stream of WARC records ("WARC/1.x" header block,
// Content-Length bytes of block, CRLF CRLF). Damaged gzip data is reported with its compressed
// offset; reading goes on at the next gzip member header after it, if any.
#include <zlib.h>

#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>
#include <string>
#include <string_view>

#include "feed_internal.h"
#include "tkg/importers/feeds.h"
#include "tkg/importers/format_registry.h"

namespace tkg {

namespace {

constexpr size_t kChunk = 1 << 16;
// Records with a larger block are skipped (read past), not parsed: no news page is that big.
constexpr uint64_t kMaxRecordBytes = 32ull * 1024 * 1024;

std::string Lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// Decompressed (or plain) bytes of the file, in order, with gzip damage reported as errors.
class ByteSource {
 public:
  ByteSource(std::FILE* f, bool gzip, const std::string& path) : f_(f), gzip_(gzip), path_(path) {
    std::memset(&zs_, 0, sizeof zs_);
    if (gzip_) inflateInit2(&zs_, 16 + MAX_WBITS);
  }
  ~ByteSource() {
    if (gzip_) inflateEnd(&zs_);
  }
  // Appends up to about kChunk bytes to *out. False at the end of the file. Damage found on the
  // way lands in *errors (the bytes before it are delivered).
  bool Read(std::string* out, std::vector<std::string>* errors) {
    if (!gzip_) {
      char buf[kChunk];
      size_t n = std::fread(buf, 1, sizeof buf, f_);
      out->append(buf, n);
      return n > 0;
    }
    while (true) {
      if (zs_.avail_in == 0) {
        if (!Fill()) {
          if (in_member_) {
            errors->push_back(path_ + ": truncated gzip data: the member starting at byte offset " +
                              std::to_string(member_start_) + " ends at byte offset " +
                              std::to_string(consumed_) + " before its end");
            in_member_ = false;
            broken_ = true;
          }
          return false;
        }
      }
      if (!in_member_) {
        member_start_ = consumed_ - zs_.avail_in;
        in_member_ = true;
      }
      unsigned char buf[kChunk];
      zs_.next_out = buf;
      zs_.avail_out = sizeof buf;
      int rc = inflate(&zs_, Z_NO_FLUSH);
      size_t produced = sizeof buf - zs_.avail_out;
      out->append(reinterpret_cast<char*>(buf), produced);
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&zs_);
        if (produced) return true;
        continue;
      }
      if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT || rc == Z_MEM_ERROR) {
        uint64_t at = consumed_ - zs_.avail_in;
        errors->push_back(path_ + ": corrupt gzip data at byte offset " + std::to_string(at) +
                          " (member starting at byte offset " + std::to_string(member_start_) +
                          "): " + (zs_.msg ? zs_.msg : "inflate error"));
        in_member_ = false;
        broken_ = true;
        inflateReset(&zs_);
        if (!Resync()) return false;
        return true;  // the partial record before the damage is discarded by the reader
      }
      if (produced) return true;
    }
  }
  // A gzip member broke: the record that was being read is incomplete.
  bool TakeBroken() {
    bool b = broken_;
    broken_ = false;
    return b;
  }

 private:
  bool Fill() {
    size_t n = std::fread(in_, 1, sizeof in_, f_);
    consumed_ += n;
    zs_.next_in = in_;
    zs_.avail_in = static_cast<uInt>(n);
    return n > 0;
  }
  // Skips to the next gzip member header (1f 8b 08) after the damage.
  bool Resync() {
    while (true) {
      if (zs_.avail_in < 3) {
        // Keep the last bytes so that a header across the buffer boundary is found.
        unsigned char keep[3];
        size_t k = zs_.avail_in;
        std::memcpy(keep, zs_.next_in, k);
        size_t n = std::fread(in_ + k, 1, sizeof in_ - k, f_);
        std::memcpy(in_, keep, k);
        consumed_ += n;
        zs_.next_in = in_;
        zs_.avail_in = static_cast<uInt>(k + n);
        if (n == 0) return false;
      }
      unsigned char* p = zs_.next_in;
      for (size_t i = 1; i + 2 < zs_.avail_in; ++i) {
        if (p[i] == 0x1f && p[i + 1] == 0x8b && p[i + 2] == 0x08) {
          zs_.next_in = p + i;
          zs_.avail_in -= static_cast<uInt>(i);
          return true;
        }
      }
      size_t drop = zs_.avail_in - 2;
      zs_.next_in += drop;
      zs_.avail_in -= static_cast<uInt>(drop);
    }
  }

  std::FILE* f_;
  bool gzip_;
  std::string path_;
  z_stream zs_;
  unsigned char in_[kChunk];
  uint64_t consumed_ = 0;      // compressed bytes read from the file
  uint64_t member_start_ = 0;  // compressed offset of the current member
  bool in_member_ = false;
  bool broken_ = false;
};

struct Record {
  std::string type, uri, date, content_type;
  std::string block;
};

// HTTP/1.x chunked transfer coding removed; false when malformed.
bool Dechunk(std::string_view in, std::string* out) {
  out->clear();
  size_t p = 0;
  while (p < in.size()) {
    size_t eol = in.find("\r\n", p);
    if (eol == std::string_view::npos) return false;
    unsigned long n = std::strtoul(std::string(in.substr(p, eol - p)).c_str(), nullptr, 16);
    p = eol + 2;
    if (n == 0) return true;
    if (p + n > in.size()) return false;
    out->append(in.substr(p, n));
    p += n + 2;
  }
  return true;
}

bool Gunzip(std::string_view in, std::string* out) {
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  if (inflateInit2(&zs, 32 + MAX_WBITS) != Z_OK) return false;  // gzip or zlib
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  out->clear();
  int rc;
  do {
    char buf[kChunk];
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out->append(buf, sizeof buf - zs.avail_out);
    if (out->size() > kMaxRecordBytes) rc = Z_DATA_ERROR;
  } while (rc == Z_OK);
  inflateEnd(&zs);
  return rc == Z_STREAM_END;
}

// The HTML of an HTTP response block, or a reason it holds none ("" reason and false: not an
// HTML page, skipped by design).
bool HtmlOfResponse(const std::string& block, std::string* html, int* status) {
  size_t head_end = block.find("\r\n\r\n");
  size_t sep = 4;
  if (head_end == std::string::npos) {
    head_end = block.find("\n\n");
    sep = 2;
  }
  if (head_end == std::string::npos) return false;
  std::string_view head(block.data(), head_end);
  if (head.substr(0, 5) != "HTTP/") return false;
  size_t sp = head.find(' ');
  *status =
      sp == std::string_view::npos ? 0 : std::atoi(std::string(head.substr(sp + 1, 3)).c_str());
  std::string content_type, transfer, encoding;
  size_t p = head.find('\n');
  while (p != std::string_view::npos && p < head.size()) {
    size_t e = head.find('\n', p + 1);
    std::string_view line =
        head.substr(p + 1, e == std::string_view::npos ? std::string_view::npos : e - p - 1);
    size_t colon = line.find(':');
    if (colon != std::string_view::npos) {
      std::string name = Lower(Trim(line.substr(0, colon)));
      std::string value = Lower(Trim(line.substr(colon + 1)));
      if (name == "content-type")
        content_type = value;
      else if (name == "transfer-encoding")
        transfer = value;
      else if (name == "content-encoding")
        encoding = value;
    }
    p = e;
  }
  if (*status != 200) return false;
  if (content_type.find("text/html") == std::string::npos &&
      content_type.find("application/xhtml") == std::string::npos)
    return false;
  std::string_view body(block.data() + head_end + sep, block.size() - head_end - sep);
  std::string tmp;
  if (transfer.find("chunked") != std::string::npos && Dechunk(body, &tmp)) {
    *html = std::move(tmp);
  } else {
    *html = std::string(body);
  }
  if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
    if (Gunzip(*html, &tmp)) *html = std::move(tmp);
  }
  return true;
}

}  // namespace

Status ImportWarc(Store& store, const Extractor& extractor, const std::string& path,
                  const ImportOptions& options, ImportSummary* summary) {
  if (Status s = store.PutTopics(extractor.taxonomy().topics()); !s.ok()) return s;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!f) {
    summary->failures.push_back({path, std::string("cannot open: ") + std::strerror(errno)});
    return Status::OK();
  }
  unsigned char magic[2] = {0, 0};
  size_t got = std::fread(magic, 1, 2, f.get());
  std::rewind(f.get());
  bool gzip = got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
  auto source = std::make_unique<ByteSource>(f.get(), gzip, path);
  ArticleRunner sink(store, extractor, options, summary);

  std::string buf;  // decompressed bytes not yet consumed
  size_t pos = 0;
  bool eof = false;
  uint64_t record_no = 0;
  std::vector<std::string> errors;
  auto report_errors = [&] {
    for (auto& e : errors)
      summary->failures.push_back({path, FailureReason(Status::InvalidArgument(e), path)});
    errors.clear();
  };
  // Makes at least `n` bytes available after pos; false at the end of input.
  auto need = [&](size_t n) {
    while (buf.size() - pos < n && !eof) {
      if (pos > (1u << 20)) {
        buf.erase(0, pos);
        pos = 0;
      }
      if (!source->Read(&buf, &errors)) eof = true;
      if (source->TakeBroken()) return false;
    }
    return buf.size() - pos >= n;
  };
  auto resync = [&] {
    // After damage: the next record starts at the next "WARC/1." at a line start.
    while (true) {
      size_t at = buf.find("WARC/1.", pos);
      while (at != std::string::npos && at > 0 && buf[at - 1] != '\n')
        at = buf.find("WARC/1.", at + 1);
      if (at != std::string::npos) {
        pos = at;
        return true;
      }
      pos = buf.size() > 8 ? buf.size() - 8 : pos;
      if (eof) return false;
      if (!need(buf.size() - pos + 1)) {
        if (eof) return false;
      }
    }
  };

  while (true) {
    // Skip blank lines between records.
    if (!need(1)) {
      if (!errors.empty() && !eof && resync()) {
        report_errors();
        continue;
      }
      break;
    }
    while (pos < buf.size() && (buf[pos] == '\r' || buf[pos] == '\n')) {
      ++pos;
      if (pos == buf.size() && !need(1)) break;
    }
    if (pos >= buf.size() && !need(1)) break;
    // Header block.
    size_t hend;
    while ((hend = buf.find("\r\n\r\n", pos)) == std::string::npos) {
      if (!need(buf.size() - pos + kChunk)) break;
    }
    if (hend == std::string::npos) {
      if (!errors.empty() && !eof && resync()) {
        report_errors();
        continue;
      }
      if (errors.empty() && buf.size() > pos) {
        summary->failures.push_back({path, "incomplete WARC record header at the end (record " +
                                               std::to_string(record_no + 1) + ")"});
      }
      break;
    }
    ++record_no;
    std::string_view header(buf.data() + pos, hend - pos);
    if (header.substr(0, 5) != "WARC/") {
      summary->failures.push_back({path, "record " + std::to_string(record_no) +
                                             ": not a WARC record header; stopped reading"});
      break;
    }
    Record rec;
    uint64_t length = 0;
    bool has_length = false;
    size_t lp = 0;
    while (lp < header.size()) {
      size_t e = header.find("\r\n", lp);
      if (e == std::string_view::npos) e = header.size();
      std::string_view line = header.substr(lp, e - lp);
      size_t colon = line.find(':');
      if (colon != std::string_view::npos) {
        std::string name = Lower(Trim(line.substr(0, colon)));
        std::string value = Trim(line.substr(colon + 1));
        if (name == "warc-type")
          rec.type = Lower(value);
        else if (name == "warc-target-uri")
          rec.uri = value;
        else if (name == "warc-date")
          rec.date = value;
        else if (name == "content-type")
          rec.content_type = Lower(value);
        else if (name == "content-length") {
          length = std::strtoull(value.c_str(), nullptr, 10);
          has_length = true;
        }
      }
      lp = e + 2;
    }
    if (!rec.uri.empty() && rec.uri.front() == '<' && rec.uri.back() == '>')
      rec.uri = rec.uri.substr(1, rec.uri.size() - 2);
    if (!has_length) {
      summary->failures.push_back(
          {path, "record " + std::to_string(record_no) + ": no Content-Length; stopped reading"});
      break;
    }
    pos = hend + 4;
    std::string where = path + ": record " + std::to_string(record_no) +
                        (rec.uri.empty() ? "" : " (" + rec.uri + ")");
    // A record cut short: after a damaged gzip member that another follows, reading resumes there
    // (true); at the true end of the input the record is reported and reading stops (false).
    auto resume_after_cut = [&]() {
      if (!errors.empty() && !eof && resync()) {
        report_errors();
        return true;
      }
      if (errors.empty())
        summary->failures.push_back({where, "record cut off at the end of the file"});
      return false;
    };
    bool wanted = rec.type == "response" && length <= kMaxRecordBytes &&
                  rec.content_type.find("application/http") != std::string::npos;
    if (length > kMaxRecordBytes) {
      // Read past it without keeping it.
      uint64_t left = length;
      bool ok = true;
      while (left > 0) {
        if (!need(1)) {
          ok = false;
          break;
        }
        size_t take = static_cast<size_t>(std::min<uint64_t>(left, buf.size() - pos));
        pos += take;
        left -= take;
      }
      if (!ok) {
        if (resume_after_cut()) continue;
        break;
      }
      summary->failures.push_back(
          {where, "record larger than " + std::to_string(kMaxRecordBytes) + " bytes; skipped"});
      continue;
    }
    if (!need(static_cast<size_t>(length))) {
      if (resume_after_cut()) continue;
      break;
    }
    if (wanted) rec.block.assign(buf, pos, static_cast<size_t>(length));
    pos += static_cast<size_t>(length);
    summary->bytes += length;
    if (!wanted) continue;
    std::string html;
    int status = 0;
    if (!HtmlOfResponse(rec.block, &html, &status)) {
      ++summary->skipped;  // not an HTML page with status 200: no article by design
      continue;
    }
    std::string name = rec.uri.empty() ? where : rec.uri;
    ParsedInput parsed;
    ArticleHints hints = options.hints;
    hints.source = name;
    Status ps = ParseInput(html, name, hints, "html", &parsed);
    if (!ps.ok() || parsed.articles.empty()) {
      summary->failures.push_back({where, ps.ok() ? "no article" : FailureReason(ps, name)});
      continue;
    }
    Article a = std::move(parsed.articles.front());
    if (a.url.empty()) a.url = rec.uri;
    feeds::ApplyDateFallback(&a, "", rec.date, options.hints);
    sink.AddArticle(std::move(a), where);
    if (sink.Full()) {
      if (Status s = sink.Flush(); !s.ok()) return s;
    }
  }
  report_errors();
  return sink.Finish();
}

}  // namespace tkg
