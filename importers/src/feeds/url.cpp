// ResolveUrl (fetcher.h): enough of RFC 3986 reference resolution for feed links and
// redirect targets.
#include <string>
#include <string_view>
#include <vector>

#include "tkg/importers/fetcher.h"

namespace tkg {

namespace {

bool HasScheme(std::string_view s) {
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return true;
}

std::string StripFragment(std::string_view s) {
  size_t h = s.find('#');
  return std::string(h == std::string_view::npos ? s : s.substr(0, h));
}

// Removes "." and ".." segments of an absolute path (one starting with '/').
std::string RemoveDots(const std::string& path) {
  std::vector<std::string> segs;
  bool dir = false;
  size_t i = 1;
  while (true) {
    size_t j = path.find('/', i);
    std::string seg = path.substr(i, j == std::string::npos ? std::string::npos : j - i);
    dir = false;
    if (seg == ".") {
      dir = true;
    } else if (seg == "..") {
      if (!segs.empty()) segs.pop_back();
      dir = true;
    } else {
      segs.push_back(seg);
    }
    if (j == std::string::npos) break;
    i = j + 1;
  }
  std::string r;
  for (const auto& s : segs) r += "/" + s;
  if (dir || r.empty()) r += "/";
  return r;
}

}  // namespace

std::string ResolveUrl(std::string_view base, std::string_view ref) {
  while (!ref.empty() &&
         (ref.front() == ' ' || ref.front() == '\t' || ref.front() == '\n' || ref.front() == '\r'))
    ref.remove_prefix(1);
  while (!ref.empty() &&
         (ref.back() == ' ' || ref.back() == '\t' || ref.back() == '\n' || ref.back() == '\r'))
    ref.remove_suffix(1);
  if (ref.empty()) return "";
  if (HasScheme(ref)) return StripFragment(ref);
  size_t scheme_end = base.find("://");
  if (scheme_end == std::string_view::npos) return StripFragment(ref);
  std::string scheme(base.substr(0, scheme_end));
  size_t host_begin = scheme_end + 3;
  size_t path_begin = base.find_first_of("/?#", host_begin);
  if (path_begin == std::string_view::npos) path_begin = base.size();
  std::string authority(base.substr(host_begin, path_begin - host_begin));
  std::string base_rest = StripFragment(base.substr(path_begin));
  std::string base_path = base_rest.substr(0, base_rest.find('?'));
  if (base_path.empty()) base_path = "/";
  if (ref.substr(0, 2) == "//") return StripFragment(scheme + ":" + std::string(ref));
  if (ref.front() == '#') return scheme + "://" + authority + base_rest;
  if (ref.front() == '?')
    return StripFragment(scheme + "://" + authority + base_path + std::string(ref));
  std::string r = StripFragment(ref);
  std::string query;
  if (size_t q = r.find('?'); q != std::string::npos) {
    query = r.substr(q);
    r = r.substr(0, q);
  }
  std::string path;
  if (!r.empty() && r.front() == '/') {
    path = r;
  } else {
    path = base_path.substr(0, base_path.rfind('/') + 1) + r;
  }
  return scheme + "://" + authority + RemoveDots(path) + query;
}

}  // namespace tkg
