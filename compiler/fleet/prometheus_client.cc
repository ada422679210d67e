#include "compiler/fleet/prometheus_client.h"

#include <netdb.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <tuple>

namespace clawgate {
namespace {

constexpr size_t kMaxResponse = size_t{64} << 20;
constexpr int kTimeoutSeconds = 15;

struct Url {
  std::string host;
  std::string port = "80";
  std::string prefix;  // path before /api/v1, without a trailing slash
};

std::optional<Url> ParseUrl(const std::string& text, std::string* error) {
  const std::string scheme = "http://";
  if (text.compare(0, scheme.size(), scheme) != 0) {
    *error = "--prometheus takes an http:// URL (for https, use a local TLS proxy): " + text;
    return std::nullopt;
  }
  Url url;
  std::string rest = text.substr(scheme.size());
  const size_t slash = rest.find('/');
  std::string authority = rest.substr(0, slash);
  if (slash != std::string::npos) url.prefix = rest.substr(slash);
  while (!url.prefix.empty() && url.prefix.back() == '/') url.prefix.pop_back();
  if (authority.find('@') != std::string::npos) {
    *error = "credentials in the URL are not supported";
    return std::nullopt;
  }
  if (!authority.empty() && authority[0] == '[') {
    const size_t close = authority.find(']');
    if (close == std::string::npos) {
      *error = "malformed IPv6 address in " + text;
      return std::nullopt;
    }
    url.host = authority.substr(1, close - 1);
    if (close + 1 < authority.size() && authority[close + 1] == ':') url.port = authority.substr(close + 2);
  } else {
    const size_t colon = authority.rfind(':');
    url.host = authority.substr(0, colon);
    if (colon != std::string::npos) url.port = authority.substr(colon + 1);
  }
  if (url.host.empty() || url.port.empty()) {
    *error = "no host in " + text;
    return std::nullopt;
  }
  return url;
}

std::string Encode(const std::string& text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// GET `path` from `url`; the body of a 200 answer, or nullopt with `error`.
std::optional<std::string> HttpGet(const Url& url, const std::string& path, std::string* error) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* raw = nullptr;
  if (const int rc = getaddrinfo(url.host.c_str(), url.port.c_str(), &hints, &raw); rc != 0) {
    *error = "cannot resolve " + url.host + ": " + gai_strerror(rc);
    return std::nullopt;
  }
  const std::unique_ptr<addrinfo, void (*)(addrinfo*)> addresses(raw, freeaddrinfo);
  int fd = -1;
  std::string last_error = "no address";
  for (const addrinfo* a = addresses.get(); a != nullptr; a = a->ai_next) {
    fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    timeval timeout{kTimeoutSeconds, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0) break;
    last_error = std::strerror(errno);
    ::close(fd);
    fd = -1;
  }
  if (fd < 0) {
    *error = "cannot connect to " + url.host + ":" + url.port + ": " + last_error;
    return std::nullopt;
  }
  const std::string request = "GET " + path + " HTTP/1.0\r\nHost: " + url.host + ":" + url.port +
                              "\r\nAccept: application/json\r\nUser-Agent: clawgate\r\nConnection: close\r\n\r\n";
  size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) {
      *error = "cannot send to " + url.host + ": " + std::strerror(errno);
      ::close(fd);
      return std::nullopt;
    }
    sent += static_cast<size_t>(n);
  }
  std::string response;
  char buffer[65536];
  while (true) {
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = "reading from " + url.host + ": " + std::strerror(errno);
      ::close(fd);
      return std::nullopt;
    }
    response.append(buffer, static_cast<size_t>(n));
    if (response.size() > kMaxResponse) {
      *error = "the answer from " + url.host + " is larger than 64 MiB";
      ::close(fd);
      return std::nullopt;
    }
  }
  ::close(fd);
  const size_t header_end = response.find("\r\n\r\n");
  const size_t line_end = response.find("\r\n");
  if (header_end == std::string::npos || line_end == std::string::npos) {
    *error = "not an HTTP answer from " + url.host;
    return std::nullopt;
  }
  const std::string status_line = response.substr(0, line_end);
  const size_t space = status_line.find(' ');
  if (space == std::string::npos || status_line.compare(space + 1, 3, "200") != 0) {
    *error = "Prometheus answered " + status_line + " for " + path;
    return std::nullopt;
  }
  return response.substr(header_end + 4);
}

std::string LabelOf(const PrometheusSample& s, const std::string& name) {
  for (const auto& [key, value] : s.labels) {
    if (key == name) return value;
  }
  return "";
}

}  // namespace

std::optional<std::vector<PrometheusSample>> ParseQueryAnswer(const std::string& body, const std::string& query,
                                                              std::string* error) {
  const nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("status", "") != "success") {
    *error = "Prometheus did not answer the query " + query + " with success";
    return std::nullopt;
  }
  const auto data = j.find("data");
  if (data == j.end() || !data->is_object() || data->value("resultType", "") != "vector") {
    *error = "the answer to " + query + " is not an instant vector";
    return std::nullopt;
  }
  const auto result = data->find("result");
  if (result == data->end() || !result->is_array()) {
    *error = "the answer to " + query + " has no result";
    return std::nullopt;
  }
  std::vector<PrometheusSample> out;
  for (const auto& item : *result) {
    if (!item.is_object()) continue;
    PrometheusSample s;
    s.name = query;
    const auto metric = item.find("metric");
    if (metric != item.end() && metric->is_object()) {
      for (auto it = metric->begin(); it != metric->end(); ++it) {
        if (!it.value().is_string()) continue;
        if (it.key() == "__name__") {
          s.name = it.value().get<std::string>();
        } else {
          s.labels.emplace_back(it.key(), it.value().get<std::string>());
        }
      }
    }
    const auto value = item.find("value");
    if (value == item.end() || !value->is_array() || value->size() != 2 || !(*value)[1].is_string()) continue;
    char* end = nullptr;
    const std::string text = (*value)[1].get<std::string>();
    s.value = std::strtod(text.c_str(), &end);
    if (end == nullptr || *end != '\0') continue;
    out.push_back(std::move(s));
  }
  return out;
}

std::optional<std::vector<HostReport>> QueryPrometheusReports(const std::string& url_text, std::string* error) {
  const auto url = ParseUrl(url_text, error);
  if (!url) return std::nullopt;
  using Key = std::tuple<std::string, std::string, std::string>;
  std::map<Key, HostReport> by_host;
  std::map<Key, bool> has_digest;
  for (const char* query :
       {"clawgate_policy_info", "clawgate_revision", "clawgate_drift", "clawgate_status_timestamp_seconds"}) {
    const auto body = HttpGet(*url, url->prefix + "/api/v1/query?query=" + Encode(query), error);
    if (!body) return std::nullopt;
    const auto samples = ParseQueryAnswer(*body, query, error);
    if (!samples) return std::nullopt;
    for (const PrometheusSample& s : *samples) {
      const Key key{LabelOf(s, "env"), LabelOf(s, "region"), LabelOf(s, "host")};
      if (std::get<0>(key).empty() || std::get<2>(key).empty()) continue;
      HostReport& r = by_host[key];
      r.env = std::get<0>(key);
      r.region = std::get<1>(key);
      r.host = std::get<2>(key);
      r.where = {url_text, 0, 0};
      const std::string name = query;
      if (name == "clawgate_policy_info") {
        r.digest = LabelOf(s, "digest");
        has_digest[key] = !r.digest.empty();
      } else if (name == "clawgate_revision" && std::isfinite(s.value)) {
        r.revision = static_cast<int64_t>(s.value);
      } else if (name == "clawgate_drift") {
        r.drift = s.value != 0;
      } else if (std::isfinite(s.value) && s.value >= 0 && s.value < 1e12) {
        r.reported_at = static_cast<int64_t>(s.value);
      }
    }
  }
  std::vector<HostReport> reports;
  for (auto& [key, report] : by_host) {
    if (has_digest[key]) reports.push_back(std::move(report));
  }
  return reports;
}

}  // namespace clawgate
