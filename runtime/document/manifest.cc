#include "runtime/document/manifest.h"

#include <nlohmann/json.hpp>
#include <set>

#include "runtime/base/json_writer.h"
#include "runtime/base/sha256.h"
#include "runtime/base/timestamp.h"
#include "runtime/document/names.h"

namespace clawgate {
namespace {

using Json = nlohmann::json;

struct ShapeError {
  std::string message;
};

[[noreturn]] void Fail(const std::string& where, const std::string& message) {
  throw ShapeError{"at " + (where.empty() ? std::string("/") : where) + ": " + message};
}

// Reads the fields of one JSON object, refusing unknown and missing ones.
class Fields {
 public:
  Fields(const Json& object, std::string where, const std::set<std::string>& allowed)
      : object_(object), where_(std::move(where)) {
    if (!object.is_object()) Fail(where_, "expected an object");
    for (auto it = object.begin(); it != object.end(); ++it) {
      if (allowed.count(it.key()) == 0) Fail(where_ + "/" + it.key(), "unknown field");
    }
  }

  bool Has(const std::string& key) const { return object_.contains(key); }

  const Json& Get(const std::string& key) const {
    const auto it = object_.find(key);
    if (it == object_.end()) Fail(where_, "missing field '" + key + "'");
    return *it;
  }

  std::string Path(const std::string& key) const { return where_ + "/" + key; }

  std::string String(const std::string& key, size_t max_length = 4096) const {
    const Json& value = Get(key);
    if (!value.is_string()) Fail(Path(key), "expected a string");
    const std::string& text = value.get_ref<const std::string&>();
    if (text.size() > max_length) Fail(Path(key), "longer than " + std::to_string(max_length) + " bytes");
    return text;
  }

  std::string Name(const std::string& key, bool (*valid)(std::string_view)) const {
    std::string text = String(key, 64);
    if (!valid(text)) Fail(Path(key), "invalid name '" + text + "'");
    return text;
  }

  int64_t Integer(const std::string& key, int64_t min, int64_t max) const {
    const Json& value = Get(key);
    if (!value.is_number_integer()) Fail(Path(key), "expected an integer");
    if (value.is_number_unsigned() && value.get<uint64_t>() > static_cast<uint64_t>(max)) {
      Fail(Path(key), "out of range");
    }
    const int64_t number = value.get<int64_t>();
    if (number < min || number > max) Fail(Path(key), "out of range");
    return number;
  }

  bool Bool(const std::string& key) const {
    const Json& value = Get(key);
    if (!value.is_boolean()) Fail(Path(key), "expected a boolean");
    return value.get<bool>();
  }

  int64_t Time(const std::string& key) const {
    const auto seconds = ParseUtcTimestamp(String(key, 32));
    if (!seconds) Fail(Path(key), "expected a UTC timestamp like 2026-11-23T09:00:00Z");
    return *seconds;
  }

  std::string Digest(const std::string& key) const {
    std::string text = String(key, 64);
    if (!IsSha256Hex(text)) Fail(Path(key), "expected 64 lowercase hex digits");
    return text;
  }

  std::vector<std::string> Names(const std::string& key, bool (*valid)(std::string_view)) const {
    const Json& value = Get(key);
    if (!value.is_array()) Fail(Path(key), "expected an array");
    std::vector<std::string> out;
    for (size_t i = 0; i < value.size(); ++i) {
      const std::string where = Path(key) + "/" + std::to_string(i);
      if (!value[i].is_string()) Fail(where, "expected a string");
      const std::string& name = value[i].get_ref<const std::string&>();
      if (!valid(name)) Fail(where, "invalid name '" + name + "'");
      out.push_back(name);
    }
    return out;
  }

  const Json& Array(const std::string& key) const {
    const Json& value = Get(key);
    if (!value.is_array()) Fail(Path(key), "expected an array");
    return value;
  }

 private:
  const Json& object_;
  std::string where_;
};

ManifestProvenance ParseProvenance(const Json& value, const std::string& where) {
  const Fields f(value, where, {"file", "line", "layer", "break_glass", "owner", "why", "rule", "expires"});
  ManifestProvenance p;
  p.file = f.String("file");
  p.line = f.Integer("line", 1, kMaxRevision);
  if (f.Has("layer") == f.Has("break_glass")) Fail(where, "expected exactly one of 'layer' and 'break_glass'");
  if (f.Has("layer")) p.layer = f.Name("layer", IsValidName);
  if (f.Has("break_glass")) p.break_glass = f.Name("break_glass", IsValidTicket);
  p.owner = f.String("owner");
  p.why = f.String("why");
  p.rule = f.String("rule");
  if (!f.Get("expires").is_null()) p.expires = f.Time("expires");
  return p;
}

ManifestEntry ParseEntry(const Json& value, const std::string& where) {
  const Fields f(value, where, {"pattern", "argPattern", "provenance"});
  ManifestEntry entry;
  entry.pattern = f.String("pattern");
  if (f.Has("argPattern")) entry.arg_pattern = f.String("argPattern", 65536);
  const Json& provenance = f.Array("provenance");
  if (provenance.empty()) Fail(f.Path("provenance"), "expected at least one source");
  for (size_t i = 0; i < provenance.size(); ++i) {
    entry.provenance.push_back(ParseProvenance(provenance[i], f.Path("provenance") + "/" + std::to_string(i)));
  }
  return entry;
}

ManifestAgent ParseAgent(const Json& value, const std::string& where) {
  const Fields f(value, where, {"name", "layers", "entries"});
  ManifestAgent agent;
  agent.name = f.Name("name", IsValidAgentName);
  agent.layers = f.Names("layers", IsValidName);
  const Json& entries = f.Array("entries");
  for (size_t i = 0; i < entries.size(); ++i) {
    agent.entries.push_back(ParseEntry(entries[i], f.Path("entries") + "/" + std::to_string(i)));
  }
  return agent;
}

ManifestBreakGlass ParseGrant(const Json& value, const std::string& where) {
  const Fields f(value, where, {"id", "file", "owner", "reason", "agents", "created", "expires", "state"});
  ManifestBreakGlass grant;
  grant.id = f.Name("id", IsValidTicket);
  grant.file = f.String("file");
  grant.owner = f.String("owner");
  grant.reason = f.String("reason");
  grant.agents = f.Names("agents", IsValidAgentName);
  grant.created = f.Time("created");
  grant.expires = f.Time("expires");
  const auto state = ParseBreakGlassState(f.String("state", 16));
  if (!state) Fail(f.Path("state"), "expected active, expired or pending");
  grant.state = *state;
  return grant;
}

Manifest ParseRoot(const Json& root) {
  const Fields f(root, "",
                 {"manifest_version", "env", "revision", "target", "policy_digest", "artifact_sha256", "source_commit",
                  "source_dirty", "compiled_at", "regions", "unattended", "ephemeral", "state_dir",
                  "launchd_label_prefix", "source_file", "layers", "agents", "break_glass"});
  if (f.Integer("manifest_version", 1, 1) != 1) Fail("/manifest_version", "expected 1");
  Manifest m;
  m.env = f.Name("env", IsValidName);
  m.revision = f.Integer("revision", 1, kMaxRevision);
  const auto target = ParseTarget(f.String("target", 32));
  if (!target) Fail("/target", "unknown target");
  m.target = *target;
  m.policy_digest = f.Digest("policy_digest");
  m.artifact_sha256 = f.Digest("artifact_sha256");
  if (!f.Get("source_commit").is_null()) {
    const std::string commit = f.String("source_commit", 64);
    if (commit.size() != 40 || commit.find_first_not_of("0123456789abcdef") != std::string::npos) {
      Fail("/source_commit", "expected 40 lowercase hex digits");
    }
    m.source_commit = commit;
  }
  if (f.Has("source_dirty")) m.source_dirty = f.Bool("source_dirty");
  m.compiled_at = f.Time("compiled_at");
  m.regions = f.Names("regions", IsValidName);
  m.unattended = f.Bool("unattended");
  m.ephemeral = f.Bool("ephemeral");
  m.state_dir = f.String("state_dir");
  if (m.state_dir.empty() || (m.state_dir[0] != '/' && m.state_dir.rfind("~/", 0) != 0)) {
    Fail("/state_dir", "expected an absolute path or one starting with ~/");
  }
  if (f.Has("launchd_label_prefix")) m.launchd_label_prefix = f.String("launchd_label_prefix", 255);
  m.source_file = f.String("source_file");
  m.layers = f.Names("layers", IsValidName);
  const Json& agents = f.Array("agents");
  for (size_t i = 0; i < agents.size(); ++i) m.agents.push_back(ParseAgent(agents[i], "/agents/" + std::to_string(i)));
  const Json& grants = f.Array("break_glass");
  for (size_t i = 0; i < grants.size(); ++i) {
    m.break_glass.push_back(ParseGrant(grants[i], "/break_glass/" + std::to_string(i)));
  }
  return m;
}

void PutProvenance(const ManifestProvenance& p, JsonWriter* out) {
  out->BeginObject().Key("file").String(p.file).Key("line").Int(p.line);
  if (p.break_glass) {
    out->Key("break_glass").String(*p.break_glass);
  } else {
    out->Key("layer").String(p.layer);
  }
  out->Key("owner").String(p.owner).Key("why").String(p.why).Key("rule").String(p.rule).Key("expires");
  if (p.expires) {
    out->String(FormatUtcTimestamp(*p.expires));
  } else {
    out->Null();
  }
  out->EndObject();
}

void PutStrings(const std::vector<std::string>& values, JsonWriter* out) {
  out->BeginArray();
  for (const std::string& value : values) out->String(value);
  out->EndArray();
}

}  // namespace

std::string_view ToString(BreakGlassState state) {
  switch (state) {
    case BreakGlassState::kActive:
      return "active";
    case BreakGlassState::kExpired:
      return "expired";
    case BreakGlassState::kPending:
      return "pending";
  }
  return "expired";
}

std::optional<BreakGlassState> ParseBreakGlassState(std::string_view text) {
  for (const BreakGlassState state : {BreakGlassState::kActive, BreakGlassState::kExpired, BreakGlassState::kPending}) {
    if (ToString(state) == text) return state;
  }
  return std::nullopt;
}

bool ManifestProvenance::operator==(const ManifestProvenance& o) const {
  return file == o.file && line == o.line && layer == o.layer && break_glass == o.break_glass && owner == o.owner &&
         why == o.why && rule == o.rule && expires == o.expires;
}

bool ManifestEntry::operator==(const ManifestEntry& o) const {
  return pattern == o.pattern && arg_pattern == o.arg_pattern && provenance == o.provenance;
}

bool ManifestAgent::operator==(const ManifestAgent& o) const {
  return name == o.name && layers == o.layers && entries == o.entries;
}

bool ManifestBreakGlass::operator==(const ManifestBreakGlass& o) const {
  return id == o.id && file == o.file && owner == o.owner && reason == o.reason && agents == o.agents &&
         created == o.created && expires == o.expires && state == o.state;
}

bool Manifest::operator==(const Manifest& o) const {
  return env == o.env && revision == o.revision && target == o.target && policy_digest == o.policy_digest &&
         artifact_sha256 == o.artifact_sha256 && source_commit == o.source_commit && source_dirty == o.source_dirty &&
         compiled_at == o.compiled_at && regions == o.regions && unattended == o.unattended &&
         ephemeral == o.ephemeral && state_dir == o.state_dir && launchd_label_prefix == o.launchd_label_prefix &&
         source_file == o.source_file && layers == o.layers && agents == o.agents && break_glass == o.break_glass;
}

ParsedManifest ParseManifest(std::string_view json_text) {
  ParsedManifest result;
  Json root;
  try {
    root = Json::parse(json_text.begin(), json_text.end());
  } catch (const Json::exception& e) {
    result.error = std::string("invalid JSON: ") + e.what();
    return result;
  }
  try {
    result.manifest = ParseRoot(root);
  } catch (const ShapeError& e) {
    result.error = e.message;
  } catch (const Json::exception& e) {
    result.error = e.what();
  }
  return result;
}

std::string SerializeManifest(const Manifest& m) {
  JsonWriter out(2);
  out.BeginObject().Key("manifest_version").Int(1).Key("env").String(m.env).Key("revision").Int(m.revision);
  out.Key("target").String(ToString(m.target)).Key("policy_digest").String(m.policy_digest);
  out.Key("artifact_sha256").String(m.artifact_sha256).Key("source_commit");
  if (m.source_commit) {
    out.String(*m.source_commit);
  } else {
    out.Null();
  }
  if (m.source_dirty) out.Key("source_dirty").Bool(*m.source_dirty);
  out.Key("compiled_at").String(FormatUtcTimestamp(m.compiled_at)).Key("regions");
  PutStrings(m.regions, &out);
  out.Key("unattended").Bool(m.unattended).Key("ephemeral").Bool(m.ephemeral).Key("state_dir").String(m.state_dir);
  if (m.launchd_label_prefix) out.Key("launchd_label_prefix").String(*m.launchd_label_prefix);
  out.Key("source_file").String(m.source_file).Key("layers");
  PutStrings(m.layers, &out);
  out.Key("agents").BeginArray();
  for (const ManifestAgent& agent : m.agents) {
    out.BeginObject().Key("name").String(agent.name).Key("layers");
    PutStrings(agent.layers, &out);
    out.Key("entries").BeginArray();
    for (const ManifestEntry& entry : agent.entries) {
      out.BeginObject().Key("pattern").String(entry.pattern);
      if (entry.arg_pattern) out.Key("argPattern").String(*entry.arg_pattern);
      out.Key("provenance").BeginArray();
      for (const ManifestProvenance& p : entry.provenance) PutProvenance(p, &out);
      out.EndArray().EndObject();
    }
    out.EndArray().EndObject();
  }
  out.EndArray().Key("break_glass").BeginArray();
  for (const ManifestBreakGlass& bg : m.break_glass) {
    out.BeginObject().Key("id").String(bg.id).Key("file").String(bg.file).Key("owner").String(bg.owner);
    out.Key("reason").String(bg.reason).Key("agents");
    PutStrings(bg.agents, &out);
    out.Key("created").String(FormatUtcTimestamp(bg.created)).Key("expires").String(FormatUtcTimestamp(bg.expires));
    out.Key("state").String(ToString(bg.state)).EndObject();
  }
  out.EndArray().EndObject();
  std::string text = out.Take();
  text += '\n';
  return text;
}

}  // namespace clawgate
