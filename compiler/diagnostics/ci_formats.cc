#include "compiler/diagnostics/ci_formats.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "runtime/base/version.h"

namespace clawgate {
namespace {

std::string EscapeData(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else {
      out += c;
    }
  }
  return out;
}

std::string EscapeProperty(const std::string& text) {
  std::string out;
  for (const char c : EscapeData(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

// SARIF's levels are our severities by name: error, warning, note.
std::string_view SarifLevel(Severity severity) { return ToString(severity); }

std::string MessageWithNotes(const Diagnostic& d) {
  std::string text = d.message;
  for (const std::string& note : d.notes) text += "\nnote: " + note;
  return text;
}

}  // namespace

std::string RenderGithub(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += "::" + std::string(d.severity == Severity::kError     ? "error"
                              : d.severity == Severity::kWarning ? "warning"
                                                                 : "notice");
    out += " file=" + EscapeProperty(d.location.file);
    if (d.location.line > 0) out += ",line=" + std::to_string(d.location.line);
    if (d.location.column > 0) out += ",col=" + std::to_string(d.location.column);
    out += ",title=" + EscapeProperty(std::string(CodeName(d.code)));
    out += "::" + EscapeData(MessageWithNotes(d) + " [" + std::string(CodeName(d.code)) + "]") + "\n";
  }
  return out;
}

std::string RenderSarif(const std::vector<Diagnostic>& diagnostics, const SourceTexts& texts) {
  using Json = nlohmann::ordered_json;
  Json rules = Json::array();
  std::map<DiagnosticCode, size_t> rule_index;
  for (const CodeInfo& info : CodeTable()) {
    rule_index[info.code] = rules.size();
    rules.push_back(
        {{"id", info.name},
         {"shortDescription", {{"text", info.summary}}},
         {"fullDescription", {{"text", std::string(info.summary) + "."}}},
         {"defaultConfiguration", {{"level", SarifLevel(info.severity)}}},
         {"help", {{"text", "See docs/lint.md and docs/diagnostics.md, " + std::string(info.name) + "."}}}});
  }
  Json results = Json::array();
  for (const Diagnostic& d : diagnostics) {
    Json physical = {{"artifactLocation", {{"uri", d.location.file}, {"uriBaseId", "SRCROOT"}}}};
    // A finding about a whole file is anchored at its first line: code
    // scanning shows a result only where it has a region.
    Json region = {{"startLine", std::max(d.location.line, 1)}};
    if (d.location.line > 0 && d.location.column > 0) region["startColumn"] = Utf16Column(texts, d.location);
    physical["region"] = std::move(region);
    std::string text = MessageWithNotes(d);
    if (!text.empty() && text.back() != '.') text += ".";
    results.push_back({{"ruleId", CodeName(d.code)},
                       {"ruleIndex", rule_index[d.code]},
                       {"level", SarifLevel(d.severity)},
                       {"message", {{"text", text}}},
                       {"locations", Json::array({{{"physicalLocation", std::move(physical)}}})}});
  }
  Json driver = {
      {"name", "clawgate"}, {"version", kVersion}, {"semanticVersion", kVersion}, {"rules", std::move(rules)}};
  Json run = {{"tool", {{"driver", std::move(driver)}}},
              {"originalUriBaseIds",
               {{"SRCROOT", {{"description", {{"text", "The folder clawgate ran in (the repository root in CI)."}}}}}}},
              {"columnKind", "utf16CodeUnits"},
              {"results", std::move(results)}};
  Json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", Json::array({std::move(run)})}};
  return log.dump(2) + "\n";
}

}  // namespace clawgate
