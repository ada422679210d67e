#include "compiler/output_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>

namespace clawgate {
namespace {

namespace fs = std::filesystem;

bool WriteFileSynced(const fs::path& path, const std::string& content, std::string* error) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = "cannot create " + path.string() + ": " + std::strerror(errno);
    return false;
  }
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = "cannot write " + path.string() + ": " + std::strerror(errno);
      ::close(fd);
      return false;
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    *error = "cannot sync " + path.string() + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

void SyncDirectory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

std::string RandomSuffix() {
  std::random_device device;
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::string suffix;
  for (int i = 0; i < 8; ++i) suffix += kAlphabet[device() % (sizeof kAlphabet - 1)];
  return suffix;
}

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
      std::string write_error;
      if (!WriteFileSynced(dir / file.name, file.content, &write_error)) return fail(write_error);
    }
    SyncDirectory(dir);
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
  SyncDirectory(root);
  fs::remove_all(staging, ec);
  return true;
}

}  // namespace clawgate
