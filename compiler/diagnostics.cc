#include "compiler/diagnostics.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

namespace clawgate {
namespace {

// The 1-based `line` of `text`, without its newline; "" when out of range.
std::string_view LineOf(std::string_view text, int line) {
  size_t start = 0;
  for (int current = 1; current < line; ++current) {
    const size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) return {};
    start = newline + 1;
  }
  size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  std::string_view result = text.substr(start, end - start);
  if (!result.empty() && result.back() == '\r') result.remove_suffix(1);
  return result;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                        std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

void DiagnosticSink::Report(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::kError) ++error_count_;
  diagnostics_.push_back(std::move(diagnostic));
}

void DiagnosticSink::Error(std::string code, SourceLocation location, std::string message,
                           std::vector<std::string> notes) {
  Report({Severity::kError, std::move(code), std::move(message), std::move(location), std::move(notes)});
}

void DiagnosticSink::Warning(std::string code, SourceLocation location, std::string message,
                             std::vector<std::string> notes) {
  Report({Severity::kWarning, std::move(code), std::move(message), std::move(location), std::move(notes)});
}

std::vector<Diagnostic> DiagnosticSink::Sorted() const {
  std::vector<Diagnostic> sorted = diagnostics_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.location.file, a.location.line, a.location.column) <
           std::tie(b.location.file, b.location.line, b.location.column);
  });
  return sorted;
}

std::string_view ToString(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kNote: return "note";
  }
  return "error";
}

std::string RenderText(const std::vector<Diagnostic>& diagnostics, const SourceTexts& texts,
                       int max_errors) {
  std::string out;
  int errors_shown = 0;
  int errors_hidden = 0;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::kError) {
      if (errors_shown >= max_errors) {
        ++errors_hidden;
        continue;
      }
      ++errors_shown;
    }
    const SourceLocation& at = d.location;
    if (!at.file.empty()) {
      out += at.file;
      if (at.line > 0) out += ":" + std::to_string(at.line) + ":" + std::to_string(std::max(at.column, 1));
      out += ": ";
    }
    out += std::string(ToString(d.severity)) + ": " + d.message + " [" + d.code + "]\n";
    const auto text = texts.find(at.file);
    if (text != texts.end() && at.line > 0) {
      const std::string_view line = LineOf(text->second, at.line);
      if (!line.empty()) {
        out += line;
        out += '\n';
        std::string caret;
        const size_t column = static_cast<size_t>(std::max(at.column, 1));
        for (size_t i = 0; i + 1 < column && i < line.size(); ++i) caret += line[i] == '\t' ? '\t' : ' ';
        out += caret + "^\n";
      }
    }
    for (const std::string& note : d.notes) out += "note: " + note + "\n";
  }
  if (errors_hidden > 0) {
    out += "note: " + std::to_string(errors_hidden) + " more error" + (errors_hidden == 1 ? "" : "s") +
           " not shown\n";
  }
  return out;
}

std::string RenderJson(const std::vector<Diagnostic>& diagnostics) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Diagnostic& d : diagnostics) {
    out.push_back({{"severity", ToString(d.severity)},
                   {"code", d.code},
                   {"message", d.message},
                   {"file", d.location.file},
                   {"line", d.location.line},
                   {"column", d.location.column},
                   {"notes", d.notes}});
  }
  return out.dump(2) + "\n";
}

std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const std::string& candidate : candidates) {
    const size_t distance = EditDistance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

}  // namespace clawgate
