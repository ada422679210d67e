#include "runtime/host/render.h"

#include <nlohmann/json.hpp>

namespace clawgate {
namespace {

std::string Scope(const DocumentChange& change) {
  return change.agent.empty() ? std::string("defaults") : "agents." + change.agent;
}

}  // namespace

std::string DescribeDrift(const DocumentChange& c) {
  switch (c.kind) {
    case DocumentChange::Kind::kSettingChanged:
      return Scope(c) + "." + std::string(ToString(c.field)) + ": " + c.from + " -> " + c.to;
    case DocumentChange::Kind::kAgentAdded:
      return "agent added on the host: " + c.agent;
    case DocumentChange::Kind::kAgentRemoved:
      return "agent removed on the host: " + c.agent;
    case DocumentChange::Kind::kEntryAdded:
    case DocumentChange::Kind::kEntryRemoved: {
      std::string text = (c.kind == DocumentChange::Kind::kEntryAdded ? "entry added on the host to "
                                                                      : "entry removed on the host from ") +
                         c.agent + ": " + c.entry.pattern;
      if (c.entry.arg_pattern) text += " (argPattern " + nlohmann::json(*c.entry.arg_pattern).dump() + ")";
      if (c.entry.source && c.kind == DocumentChange::Kind::kEntryAdded) text += " [" + *c.entry.source + "]";
      return text;
    }
  }
  return "";
}

std::string DriftJson(const std::vector<DocumentChange>& changes) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const DocumentChange& c : changes) {
    nlohmann::ordered_json item;
    item["kind"] = ToString(c.kind);
    if (c.kind == DocumentChange::Kind::kSettingChanged) {
      item["scope"] = Scope(c);
      item["field"] = ToString(c.field);
      item["from"] = c.from;
      item["to"] = c.to;
    } else {
      item["agent"] = c.agent;
    }
    if (c.kind == DocumentChange::Kind::kEntryAdded || c.kind == DocumentChange::Kind::kEntryRemoved) {
      item["pattern"] = c.entry.pattern;
      if (c.entry.arg_pattern) item["argPattern"] = *c.entry.arg_pattern;
      if (c.entry.source && c.kind == DocumentChange::Kind::kEntryAdded) item["source"] = *c.entry.source;
    }
    out.push_back(std::move(item));
  }
  return out.dump();
}

}  // namespace clawgate
