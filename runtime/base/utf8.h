// UTF-8: the one decoder and encoder both binaries use.
//
// DecodeUtf8 is strict (RFC 3629): no overlong forms, no surrogates, nothing
// above U+10FFFF, no truncated sequences. JavaScript sees strings as UTF-16
// code units; ToUtf16 gives those units for ordering and matching.
#ifndef CLAWGATE_RUNTIME_BASE_UTF8_H_
#define CLAWGATE_RUNTIME_BASE_UTF8_H_

#include <optional>
#include <string>
#include <string_view>

namespace clawgate {

/// The code points of `text`, or nullopt when it is not valid UTF-8.
std::optional<std::u32string> DecodeUtf8(std::string_view text);

/// The code points of `text`, with every invalid byte read as U+FFFD (as
/// Node.js decodes bytes that are not UTF-8).
std::u32string DecodeUtf8Lossy(std::string_view text);

/// The byte offset of the first invalid sequence in `text`, or nullopt when
/// all of it is valid UTF-8.
std::optional<size_t> FindInvalidUtf8(std::string_view text);

/// Appends the UTF-8 encoding of `code` (any value up to U+10FFFF; lone
/// surrogates are encoded as they are, as JavaScript's TextEncoder would not).
void AppendUtf8(std::string& out, char32_t code);

/// UTF-16 code units of `text` (which must be valid UTF-8; invalid bytes
/// become U+FFFD).
std::u16string ToUtf16(std::string_view text);
/// The same units, written over `*out` (its capacity kept, so a buffer
/// reused for many texts stops allocating).
void AssignUtf16(std::string_view text, std::u16string* out);

}  // namespace clawgate

#endif  // CLAWGATE_RUNTIME_BASE_UTF8_H_
