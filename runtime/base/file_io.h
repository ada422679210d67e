// Reading and writing files on the machine clawgate runs on: size-limited
// reads that never block on a FIFO or follow a final symlink when told not
// to, and writes that are either complete or absent (temp file created
// O_EXCL beside the target, fsync, rename, fsync of the folder).
#ifndef CLAWGATE_RUNTIME_BASE_FILE_IO_H_
#define CLAWGATE_RUNTIME_BASE_FILE_IO_H_

#include <sys/types.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace clawgate {

struct ReadOptions {
  size_t limit = size_t{16} << 20;  // larger files are an error
  bool no_follow = false;           // refuse a symlink as the final component
};

/// The bytes of the regular file `path`, or nullopt with `error` set (not a
/// regular file, too large, unreadable).
std::optional<std::string> ReadFileLimited(const std::string& path, std::string* error, ReadOptions options = {});

/// Creates `path` (which must not exist) with `mode`, writes `bytes` and
/// fsyncs it. Never follows a symlink at `path`.
std::optional<std::string> WriteNewFile(const std::string& path, std::string_view bytes, mode_t mode);

/// Replaces `path` with `bytes` atomically: a temp file in the same folder
/// (O_EXCL, `mode`), fsync, rename over `path`, fsync of the folder. Refuses
/// when `path` is a symlink. Returns an error message, or nullopt.
std::optional<std::string> WriteFileAtomic(const std::string& path, std::string_view bytes, mode_t mode = 0600);

/// mkdir -p with `mode` for the folders it creates; refuses symlinked
/// components unless root owns them (macOS's /var, /tmp). Returns an error
/// message, or nullopt.
std::optional<std::string> MakeDirs(const std::string& path, mode_t mode = 0700);

/// Puts the folder `staged` in place at `target` atomically: when `target`
/// exists the two are exchanged in one step (so `staged` then holds the old
/// contents, for the caller to remove), otherwise `staged` is renamed. Both
/// must be on one file system. Returns an error message, or nullopt.
std::optional<std::string> ReplaceDirectory(const std::string& staged, const std::string& target);

/// Removes `path` and, for a folder, everything in it (symlinks are removed,
/// never followed). Missing is not an error.
void RemoveTree(const std::string& path);

/// Refuses a folder that is not only this user's: it must be a directory
/// (not a symlink) owned by the effective user and not writable by group or
/// others, and every folder above it must be owned by root or the user and
/// not writable by others (unless sticky, like /tmp); a symlink on the way
/// is accepted only when root owns it (macOS's /var, /tmp). Returns an
/// error message, or nullopt.
std::optional<std::string> CheckPrivateDirectory(const std::string& path);

/// A name for a staging folder of this process: `prefix` + "<pid>-<random>".
std::string StagingName(const std::string& prefix);

/// Removes the staging folders `prefix` + "<pid>-..." in `dir` whose process
/// is gone (left by a crash or a SIGKILL).
void RemoveStaleStaging(const std::string& dir, const std::string& prefix);

/// fsyncs a folder so that renames inside it are durable.
void SyncDirectory(const std::string& dir);

/// A random suffix for temporary names (16 lowercase alphanumerics).
std::string RandomSuffix();

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_BASE_FILE_IO_H_
