#include "runtime/base/file_io.h"

#include <fcntl.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "runtime/base/rename_exchange.h"

namespace clawgate {
namespace {

std::string Errno(const std::string& what, const std::string& path) {
  return what + " " + path + ": " + std::strerror(errno);
}

// Closes a descriptor on scope exit.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

std::string FolderOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

std::optional<std::string> ReadFileLimited(const std::string& path, std::string* error, ReadOptions options) {
  auto fail = [&](std::string message) -> std::optional<std::string> {
    if (error) *error = std::move(message);
    return std::nullopt;
  };
  // O_NONBLOCK: opening a FIFO must not wait for a writer.
  int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK;
  if (options.no_follow) flags |= O_NOFOLLOW;
  Fd fd(::open(path.c_str(), flags));
  if (fd.get() < 0) {
    if (errno == ELOOP) return fail("refusing to read " + path + ": it is a symbolic link");
    return fail(Errno("cannot open", path));
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return fail(Errno("cannot stat", path));
  if (!S_ISREG(st.st_mode)) return fail("cannot read " + path + ": not a regular file");
  if (static_cast<size_t>(st.st_size) > options.limit) {
    return fail("cannot read " + path + ": " + std::to_string(st.st_size) + " bytes, more than the limit of " +
                std::to_string(options.limit));
  }
  std::string bytes;
  char buffer[65536];
  while (true) {
    const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail(Errno("cannot read", path));
    if (n == 0) break;
    bytes.append(buffer, static_cast<size_t>(n));
    if (bytes.size() > options.limit) {
      return fail("cannot read " + path + ": more than the limit of " + std::to_string(options.limit) + " bytes");
    }
  }
  return bytes;
}

std::optional<std::string> WriteNewFile(const std::string& path, std::string_view bytes, mode_t mode) {
  Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode));
  if (fd.get() < 0) return Errno("cannot create", path);
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd.get(), bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Errno("cannot write", path);
    written += static_cast<size_t>(n);
  }
  // umask may have narrowed the mode: set it exactly.
  if (::fchmod(fd.get(), mode) != 0) return Errno("cannot chmod", path);
  if (::fsync(fd.get()) != 0) return Errno("cannot sync", path);
  if (::close(fd.release()) != 0) return Errno("cannot close", path);
  return std::nullopt;
}

std::optional<std::string> WriteFileAtomic(const std::string& path, std::string_view bytes, mode_t mode) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
    return "refusing to write " + path + ": it is a symbolic link";
  }
  const std::string dir = FolderOf(path);
  const std::string temp = dir + "/." + path.substr(path.rfind('/') + 1) + "." + RandomSuffix() + ".tmp";
  if (auto error = WriteNewFile(temp, bytes, mode)) {
    ::unlink(temp.c_str());
    return error;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string error = Errno("cannot rename " + temp + " to", path);
    ::unlink(temp.c_str());
    return error;
  }
  SyncDirectory(dir);
  return std::nullopt;
}

std::optional<std::string> MakeDirs(const std::string& path, mode_t mode) {
  size_t i = 0;
  while (i <= path.size()) {
    const size_t j = std::min(path.find('/', i), path.size());
    const std::string current = path.substr(0, j);
    i = j + 1;
    if (current.empty()) continue;
    struct stat st {};
    if (::lstat(current.c_str(), &st) == 0) {
      if (S_ISLNK(st.st_mode)) {
        if (st.st_uid != 0 || j == path.size()) return "refusing to use " + current + ": it is a symbolic link";
        continue;
      }
      if (!S_ISDIR(st.st_mode)) return "cannot use " + current + ": not a directory";
      continue;
    }
    if (::mkdir(current.c_str(), mode) != 0 && errno != EEXIST) return Errno("cannot create", current);
  }
  return std::nullopt;
}

std::optional<std::string> ReplaceDirectory(const std::string& staged, const std::string& target) {
  struct stat st {};
  if (::lstat(target.c_str(), &st) != 0) {
    if (errno != ENOENT) return Errno("cannot stat", target);
    if (::rename(staged.c_str(), target.c_str()) != 0) return Errno("cannot rename " + staged + " to", target);
  } else {
    if (!S_ISDIR(st.st_mode)) return "refusing to replace " + target + ": not a directory";
    if (auto error = ExchangePaths(staged, target)) return error;
  }
  SyncDirectory(FolderOf(target));
  return std::nullopt;
}

void RemoveTree(const std::string& path) {
  std::error_code ignored;
  std::filesystem::remove_all(path, ignored);
}

std::optional<std::string> CheckPrivateDirectory(const std::string& path) {
  if (path.empty() || path[0] != '/') return "state folder " + path + " is not an absolute path";
  const uid_t me = ::geteuid();
  // The folders above: root's or ours, never writable by others unless sticky.
  for (size_t j = path.find('/', 1); j != std::string::npos; j = path.find('/', j + 1)) {
    const std::string above = path.substr(0, j);
    struct stat st {};
    if (::lstat(above.c_str(), &st) != 0) return Errno("cannot stat", above);
    if (S_ISLNK(st.st_mode)) {
      if (st.st_uid != 0) return "refusing " + path + ": it is reached through the symbolic link " + above;
      continue;
    }
    if (st.st_uid != 0 && st.st_uid != me) return "refusing " + path + ": " + above + " belongs to another user";
    if ((st.st_mode & S_IWOTH) != 0 && (st.st_mode & S_ISVTX) == 0) {
      return "refusing " + path + ": " + above + " is writable by others";
    }
  }
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return Errno("cannot stat", path);
  if (S_ISLNK(st.st_mode)) return "refusing " + path + ": it is a symbolic link";
  if (!S_ISDIR(st.st_mode)) return "refusing " + path + ": not a directory";
  if (st.st_uid != me) return "refusing " + path + ": owned by uid " + std::to_string(st.st_uid) + ", not by this user";
  if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0) return "refusing " + path + ": writable by group or others";
  return std::nullopt;
}

std::string StagingName(const std::string& prefix) {
  return prefix + std::to_string(::getpid()) + "-" + RandomSuffix();
}

void RemoveStaleStaging(const std::string& dir, const std::string& prefix) {
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string rest = name.substr(prefix.size());
    const size_t dash = rest.find('-');
    if (dash == 0 || dash == std::string::npos || rest.find_first_not_of("0123456789") != dash) continue;
    const long pid = std::strtol(rest.substr(0, dash).c_str(), nullptr, 10);
    if (pid <= 0 || pid == ::getpid()) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // still running
    RemoveTree(it->path().string());
  }
}

void SyncDirectory(const std::string& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() >= 0) ::fsync(fd.get());
}

std::string RandomSuffix() {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) {
    for (size_t i = 0; i < sizeof bytes; ++i) bytes[i] = static_cast<unsigned char>(::getpid() + i * 7919);
  }
  std::string suffix;
  for (const unsigned char b : bytes) suffix += kAlphabet[b % (sizeof kAlphabet - 1)];
  return suffix;
}

}  // namespace clawgate
