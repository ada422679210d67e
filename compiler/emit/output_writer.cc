#include "compiler/emit/output_writer.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "runtime/base/file_io.h"

namespace clawgate {
namespace {

namespace fs = std::filesystem;

}  // namespace

bool WriteOutputs(const std::string& out_root, const std::vector<EmittedEnvironment>& environments,
                  std::string* error) {
  std::error_code ec;
  const fs::path root(out_root);
  const bool root_existed = fs::exists(root, ec);
  fs::create_directories(root, ec);
  if (ec) {
    *error = "cannot create " + out_root + ": " + ec.message();
    return false;
  }
  const fs::path staging = root / (".clawgate-staging-" + std::to_string(::getpid()) + "-" + RandomSuffix());
  auto fail = [&](const std::string& message) {
    *error = message;
    std::error_code ignored;
    fs::remove_all(staging, ignored);
    if (!root_existed) fs::remove(root, ignored);  // Only if still empty.
    return false;
  };
  if (!fs::create_directory(staging, ec)) return fail("cannot create " + staging.string() + ": " + ec.message());
  for (const EmittedEnvironment& env : environments) {
    const fs::path dir = staging / env.env;
    if (!fs::create_directory(dir, ec)) return fail("cannot create " + dir.string() + ": " + ec.message());
    for (const OutputFile& file : env.files) {
      if (auto write_error = WriteNewFile((dir / file.name).string(), file.content, 0644)) return fail(*write_error);
    }
    SyncDirectory(dir.string());
  }
  // Everything is on disk: swap each environment's folder into place.
  for (const EmittedEnvironment& env : environments) {
    const fs::path target = root / env.env;
    const fs::path previous = staging / (env.env + ".previous");
    const bool had_previous = fs::exists(target, ec);
    if (had_previous) {
      fs::rename(target, previous, ec);
      if (ec) return fail("cannot move aside " + target.string() + ": " + ec.message());
    }
    fs::rename(staging / env.env, target, ec);
    if (ec) {
      std::error_code restore;
      if (had_previous) fs::rename(previous, target, restore);
      return fail("cannot rename into " + target.string() + ": " + ec.message());
    }
  }
  SyncDirectory(root.string());
  fs::remove_all(staging, ec);
  return true;
}

}  // namespace clawgate
