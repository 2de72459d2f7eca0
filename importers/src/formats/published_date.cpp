// ParsePublished: publication dates as users and page headers write them. date::parse reads the
// fields; time-zone abbreviations are mapped to offsets here (date's %Z only reads them).
#include <date/date.h>

#include <array>
#include <cctype>
#include <chrono>
#include <sstream>

#include "tkg/importers/formats.h"

namespace tkg {

namespace {

struct Zone {
  std::string_view abbr;
  int minutes;
};
// Abbreviations common in English news pages.
constexpr std::array<Zone, 30> kZones = {{
    {"UTC", 0},    {"GMT", 0},    {"Z", 0},       {"BST", 60},    {"IST", 330},  {"CET", 60},
    {"CEST", 120}, {"EET", 120},  {"EEST", 180},  {"WET", 0},     {"WEST", 60},  {"MSK", 180},
    {"EST", -300}, {"EDT", -240}, {"CST", -360},  {"CDT", -300},  {"MST", -420}, {"MDT", -360},
    {"PST", -480}, {"PDT", -420}, {"AKST", -540}, {"AKDT", -480}, {"HST", -600}, {"JST", 540},
    {"KST", 540},  {"HKT", 480},  {"SGT", 480},   {"AEST", 600},  {"AEDT", 660}, {"NZST", 720},
}};

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (std::isspace(static_cast<unsigned char>(s[b])) || s[b] == '|')) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string Offset(int minutes) {
  char buf[16];
  int m = minutes < 0 ? -minutes : minutes;
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", minutes < 0 ? '-' : '+', m / 60, m % 60);
  return buf;
}

template <typename T>
bool TryParse(const std::string& s, const char* fmt, T* out) {
  std::istringstream in(s);
  in >> date::parse(fmt, *out);
  if (in.fail()) return false;
  in >> std::ws;
  return in.peek() == EOF;
}

bool SetDay(date::year_month_day ymd, Article* out) {
  if (!ymd.ok()) return false;
  out->published_date = TimeValue{};
  auto tv = ParseTimeValue(date::format("%F", ymd));
  if (!tv) return false;
  out->published_date = *tv;
  return true;
}

}  // namespace

Status ParsePublished(std::string_view text, Article* out) {
  std::string s = Trim(text);
  if (s.empty()) return Status::InvalidArgument("empty date");
  // ISO forms first.
  {
    date::year_month_day ymd{};
    if (TryParse(s, "%F", &ymd)) {
      out->published = date::format("%F", ymd);
      if (SetDay(ymd, out)) return Status::OK();
    }
    date::local_seconds lt{};
    std::chrono::minutes off{};
    for (const char* fmt : {"%FT%T%Ez", "%FT%R%Ez", "%F %T%Ez", "%FT%T%z"}) {
      std::istringstream in(s);
      in >> date::parse(fmt, lt, off);
      if (!in.fail()) {
        auto day = date::floor<date::days>(lt);
        date::year_month_day ymd2{day};
        out->published = date::format("%FT%T", lt) + Offset(static_cast<int>(off.count()));
        if (SetDay(ymd2, out)) return Status::OK();
      }
    }
    for (const char* fmt : {"%FT%T", "%FT%R", "%F %T", "%F %R"}) {
      if (TryParse(s, fmt, &lt)) {
        out->published = date::format("%FT%T", lt);
        if (SetDay(date::year_month_day{date::floor<date::days>(lt)}, out)) return Status::OK();
      }
    }
  }
  // "Apr 21, 2016 10:02 PM EDT", "April 21, 2016", "21 April 2016".
  std::string zone;
  {
    size_t sp = s.rfind(' ');
    if (sp != std::string::npos) {
      std::string last = s.substr(sp + 1);
      for (const auto& z : kZones) {
        if (last == z.abbr) {
          zone = Offset(z.minutes);
          s = Trim(s.substr(0, sp));
          break;
        }
      }
    }
  }
  // Drop a weekday in front ("Thursday, April 21, 2016") and dots after month abbreviations.
  if (size_t comma = s.find(", "); comma != std::string::npos && comma < 10) {
    std::string first = s.substr(0, comma);
    bool weekday = first.size() >= 3 && first.find_first_of("0123456789") == std::string::npos &&
                   first.find(' ') == std::string::npos &&
                   (first.rfind("day") == first.size() - 3 || first.size() == 3);
    if (weekday) s = s.substr(comma + 2);
  }
  for (size_t p = s.find('.'); p != std::string::npos; p = s.find('.', p)) s.erase(p, 1);
  if (s.size() > 5 && s.compare(0, 5, "Sept ") == 0) s.erase(3, 1);
  date::local_seconds lt{};
  for (const char* fmt : {"%b %d, %Y %I:%M %p", "%b %d, %Y %H:%M", "%b %d %Y %I:%M %p",
                          "%d %b %Y %H:%M", "%d %b %Y %I:%M %p", "%b %d, %Y, %I:%M %p"}) {
    if (TryParse(s, fmt, &lt)) {
      out->published = date::format("%FT%T", lt) + zone;
      if (SetDay(date::year_month_day{date::floor<date::days>(lt)}, out)) return Status::OK();
    }
  }
  date::year_month_day ymd{};
  for (const char* fmt : {"%b %d, %Y", "%b %d %Y", "%d %b %Y", "%d %b, %Y", "%m/%d/%Y"}) {
    if (TryParse(s, fmt, &ymd)) {
      out->published = date::format("%F", ymd);
      if (SetDay(ymd, out)) return Status::OK();
    }
  }
  return Status::InvalidArgument("unknown date '" + std::string(text) + "'");
}

}  // namespace tkg
