#include "compiler/diagnostics/diagnostic.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "runtime/base/text.h"

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

}  // namespace

int Utf16Column(const SourceTexts& texts, const SourceLocation& location) {
  const auto text = texts.find(location.file);
  if (text == texts.end() || location.line <= 0 || location.column <= 0) return location.column;
  const std::string_view line = LineOf(text->second, location.line);
  const size_t bytes = std::min(line.size(), static_cast<size_t>(location.column - 1));
  int units = 0;
  for (size_t i = 0; i < bytes; ++i) {
    const auto byte = static_cast<unsigned char>(line[i]);
    if ((byte & 0xC0) == 0x80) continue;  // continuation byte
    units += byte >= 0xF0 ? 2 : 1;        // four-byte sequences are surrogate pairs
  }
  return units + 1 + static_cast<int>(location.column - 1 - bytes);
}

void DiagnosticSink::Report(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::kError) ++error_count_;
  diagnostics_.push_back(std::move(diagnostic));
}

void DiagnosticSink::Error(DiagnosticCode code, SourceLocation location, std::string message,
                           std::vector<std::string> notes) {
  Report({Severity::kError, code, std::move(message), std::move(location), std::move(notes)});
}

void DiagnosticSink::Warning(DiagnosticCode code, SourceLocation location, std::string message,
                             std::vector<std::string> notes) {
  Report({Severity::kWarning, code, std::move(message), std::move(location), std::move(notes)});
}

bool DiagnosticSink::Has(DiagnosticCode code) const {
  for (const Diagnostic& d : diagnostics_) {
    if (d.code == code) return true;
  }
  return false;
}

std::vector<Diagnostic> DiagnosticSink::Sorted() const {
  std::vector<Diagnostic> sorted = diagnostics_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.location.file, a.location.line, a.location.column) <
           std::tie(b.location.file, b.location.line, b.location.column);
  });
  return sorted;
}

std::string RenderText(const std::vector<Diagnostic>& diagnostics, const SourceTexts& texts, int max_errors) {
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
    out += std::string(ToString(d.severity)) + ": " + d.message + " [" + std::string(CodeName(d.code)) + "]\n";
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
    out += "note: " + std::to_string(errors_hidden) + " more error" + (errors_hidden == 1 ? "" : "s") + " not shown\n";
  }
  return out;
}

std::string RenderJson(const std::vector<Diagnostic>& diagnostics) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Diagnostic& d : diagnostics) {
    out.push_back({{"severity", ToString(d.severity)},
                   {"code", CodeName(d.code)},
                   {"message", d.message},
                   {"file", d.location.file},
                   {"line", d.location.line},
                   {"column", d.location.column},
                   {"notes", d.notes}});
  }
  return out.dump(2) + "\n";
}

std::string RenderSummary(const std::vector<Diagnostic>& diagnostics) {
  size_t errors = 0;
  size_t warnings = 0;
  for (const Diagnostic& d : diagnostics) {
    errors += d.severity == Severity::kError;
    warnings += d.severity == Severity::kWarning;
  }
  std::string out;
  if (errors > 0) out += CountOf(errors, "error", "errors");
  if (warnings > 0) out += (out.empty() ? "" : " and ") + CountOf(warnings, "warning", "warnings");
  return out.empty() ? out : out + " generated.\n";
}

}  // namespace clawgate
