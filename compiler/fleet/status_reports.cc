#include "compiler/fleet/status_reports.h"

#include <cmath>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "runtime/base/text.h"
#include "runtime/base/timestamp.h"

namespace clawgate {
namespace {

constexpr size_t kMaxLine = size_t{64} * 1024;

template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  int number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    fn(++number, line);
    start = end + 1;
  }
}

bool IsNameChar(char c, bool first) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || (!first && c >= '0' && c <= '9');
}

std::optional<std::string> StringField(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

void ReadJsonLines(const std::string& display_name, std::string_view text, std::vector<HostReport>* reports,
                   std::vector<ReportProblem>* problems) {
  ForEachLine(text, [&](int number, std::string_view line) {
    if (Trim(line).empty()) return;
    const SourceLocation where{display_name, number, 1};
    if (line.size() > kMaxLine) {
      problems->push_back({where, "line longer than 64 KiB"});
      return;
    }
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      problems->push_back({where, "not a JSON object"});
      return;
    }
    HostReport r;
    r.where = where;
    const auto env = StringField(j, "env");
    const auto region = StringField(j, "region");
    const auto host = StringField(j, "host");
    const auto digest = StringField(j, "digest");
    const auto revision = j.find("revision");
    if (!env || !region || !host || !digest || revision == j.end() || !revision->is_number_integer()) {
      problems->push_back({where, "a status line needs env, region, host, revision and digest"});
      return;
    }
    r.env = *env;
    r.region = *region;
    r.host = *host;
    r.digest = *digest;
    r.revision = revision->get<int64_t>();
    if (const auto drift = j.find("drift"); drift != j.end() && drift->is_boolean()) r.drift = drift->get<bool>();
    if (const auto at = StringField(j, "reported_at")) {
      r.reported_at = ParseUtcTimestamp(*at);
      if (!r.reported_at) {
        problems->push_back({where, "reported_at is not a UTC timestamp: " + *at});
        return;
      }
    }
    reports->push_back(std::move(r));
  });
}

std::string Label(const PrometheusSample& s, const std::string& name) {
  for (const auto& [key, value] : s.labels) {
    if (key == name) return value;
  }
  return "";
}

}  // namespace

std::optional<PrometheusSample> ParsePrometheusLine(std::string_view line, std::string* error) {
  PrometheusSample s;
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  const size_t name_start = i;
  while (i < line.size() && IsNameChar(line[i], i == name_start)) ++i;
  if (i == name_start) {
    *error = "expected a metric name";
    return std::nullopt;
  }
  s.name = std::string(line.substr(name_start, i - name_start));
  if (i < line.size() && line[i] == '{') {
    ++i;
    while (true) {
      while (i < line.size() && (line[i] == ' ' || line[i] == ',')) ++i;
      if (i < line.size() && line[i] == '}') {
        ++i;
        break;
      }
      const size_t key_start = i;
      while (i < line.size() && IsNameChar(line[i], i == key_start)) ++i;
      if (i == key_start || i >= line.size() || line[i] != '=' || i + 1 >= line.size() || line[i + 1] != '"') {
        *error = "malformed label";
        return std::nullopt;
      }
      std::string key(line.substr(key_start, i - key_start));
      i += 2;
      std::string value;
      bool closed = false;
      while (i < line.size()) {
        const char c = line[i++];
        if (c == '"') {
          closed = true;
          break;
        }
        if (c == '\\' && i < line.size()) {
          const char e = line[i++];
          value += e == 'n' ? '\n' : e;
        } else {
          value += c;
        }
      }
      if (!closed) {
        *error = "unterminated label value";
        return std::nullopt;
      }
      s.labels.emplace_back(std::move(key), std::move(value));
    }
  }
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  const size_t value_start = i;
  while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
  const std::string value(line.substr(value_start, i - value_start));
  if (value.empty()) {
    *error = "missing sample value";
    return std::nullopt;
  }
  char* end = nullptr;
  s.value = std::strtod(value.c_str(), &end);
  if (end == nullptr || *end != '\0') {
    *error = "sample value is not a number: " + value;
    return std::nullopt;
  }
  return s;
}

void ReadPrometheusReports(const std::string& display_name, std::string_view text, std::vector<HostReport>* reports,
                           std::vector<ReportProblem>* problems) {
  using Key = std::tuple<std::string, std::string, std::string>;
  std::map<Key, HostReport> by_host;
  std::map<Key, int> seen_info;
  ForEachLine(text, [&](int number, std::string_view line) {
    const std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') return;
    const SourceLocation where{display_name, number, 1};
    if (line.size() > kMaxLine) {
      problems->push_back({where, "line longer than 64 KiB"});
      return;
    }
    std::string error;
    const auto sample = ParsePrometheusLine(line, &error);
    if (!sample) {
      problems->push_back({where, error});
      return;
    }
    if (sample->name.rfind("clawgate_", 0) != 0) return;
    const Key key{Label(*sample, "env"), Label(*sample, "region"), Label(*sample, "host")};
    if (std::get<0>(key).empty() || std::get<2>(key).empty()) return;
    HostReport& r = by_host[key];
    if (r.where.line == 0) {
      r.env = std::get<0>(key);
      r.region = std::get<1>(key);
      r.host = std::get<2>(key);
      r.where = where;
    }
    const double v = sample->value;
    if (sample->name == "clawgate_revision" && std::isfinite(v)) {
      r.revision = static_cast<int64_t>(v);
    } else if (sample->name == "clawgate_policy_info") {
      r.digest = Label(*sample, "digest");
      ++seen_info[key];
    } else if (sample->name == "clawgate_drift") {
      r.drift = v != 0;
    } else if (sample->name == "clawgate_status_timestamp_seconds" && std::isfinite(v) && v >= 0 && v < 1e12) {
      r.reported_at = static_cast<int64_t>(v);
    }
  });
  for (auto& [key, report] : by_host) {
    if (!seen_info.count(key) || report.digest.empty()) {
      problems->push_back({report.where, "no clawgate_policy_info{digest=...} sample for host " + report.host + " (" +
                                             report.env + ")"});
      continue;
    }
    reports->push_back(std::move(report));
  }
}

void ReadStatusReports(const std::string& display_name, std::string_view text, std::vector<HostReport>* reports,
                       std::vector<ReportProblem>* problems) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '{') {
    ReadJsonLines(display_name, text, reports, problems);
  } else {
    ReadPrometheusReports(display_name, text, reports, problems);
  }
}

}  // namespace clawgate
