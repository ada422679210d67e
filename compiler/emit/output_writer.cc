#include "compiler/emit/output_writer.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>
#include <vector>

#include "runtime/base/file_io.h"
#include "runtime/base/rename_exchange.h"

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
  RemoveStaleStaging(root.string(), ".clawgate-staging-");
  const fs::path staging = root / StagingName(".clawgate-staging-");
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
      const fs::path target = dir / file.name;
      if (target.parent_path() != dir && !fs::exists(target.parent_path(), ec)) {
        if (!fs::create_directory(target.parent_path(), ec)) {
          return fail("cannot create " + target.parent_path().string() + ": " + ec.message());
        }
      }
      if (auto write_error = WriteNewFile(target.string(), file.content, 0644)) return fail(*write_error);
    }
    SyncDirectory(dir.string());
  }
  // Everything is on disk: put each environment's folder in place with an
  // atomic exchange (a crash leaves each one complete, old or new). When one
  // fails, the ones already swapped are swapped back, so an error really
  // means nothing changed.
  std::vector<std::pair<fs::path, bool>> swapped;  // target, whether it existed before
  for (const EmittedEnvironment& env : environments) {
    const fs::path target = root / env.env;
    const fs::path staged = staging / env.env;
    const bool existed = fs::symlink_status(target, ec).type() != fs::file_type::not_found;
    if (auto swap_error = ReplaceDirectory(staged.string(), target.string())) {
      for (auto it = swapped.rbegin(); it != swapped.rend(); ++it) {
        const fs::path back = staging / it->first.filename();
        if (it->second) {
          ExchangePaths(back.string(), it->first.string());
        } else {
          fs::rename(it->first, back, ec);
        }
      }
      return fail(*swap_error);
    }
    swapped.emplace_back(target, existed);
  }
  SyncDirectory(root.string());
  fs::remove_all(staging, ec);
  return true;
}

}  // namespace clawgate
