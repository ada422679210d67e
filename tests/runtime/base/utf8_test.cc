#include "runtime/base/utf8.h"

#include <gtest/gtest.h>

namespace clawgate {
namespace {

TEST(Utf8, DecodesValidText) {
  EXPECT_EQ(DecodeUtf8("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"), (std::u32string{U'a', 0xE9, 0x20AC, 0x1F600}));
  EXPECT_EQ(DecodeUtf8(""), std::u32string());
}

TEST(Utf8, RejectsEveryMalformedSequence) {
  for (const char* bad : {"\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc3", "\xe2\x82", "\x80",
                          "\xff", "\xf8\x88\x80\x80\x80", "a\xc3(b"}) {
    EXPECT_FALSE(DecodeUtf8(bad)) << bad;
  }
  EXPECT_EQ(FindInvalidUtf8("ok\xc3("), 2u);
  EXPECT_EQ(FindInvalidUtf8("ok"), std::nullopt);
}

TEST(Utf8, LossyDecodingReplacesEachBadByte) {
  EXPECT_EQ(DecodeUtf8Lossy("a\xff"
                            "b"),
            (std::u32string{U'a', 0xFFFD, U'b'}));
}

TEST(Utf8, Utf16UsesSurrogatePairs) {
  EXPECT_EQ(ToUtf16("\xf0\x9f\x98\x80"), (std::u16string{0xD83D, 0xDE00}));
  EXPECT_EQ(ToUtf16("x\xc3\xa9"), (std::u16string{u'x', 0xE9}));
}

TEST(Utf8, AssigningUtf16OverABufferGivesWhatToUtf16Gives) {
  // ASCII first, then a character of each length, a bad byte, a cut-off
  // sequence; over a buffer that held a longer text before.
  std::u16string buffer = u"a longer text than any of these, left from before";
  for (const std::string& text : {std::string(), std::string("ascii only"), std::string("x\xc3\xa9y"),
                                  std::string("ab\xe2\x82\xac\xf0\x9f\x98\x80z"),
                                  std::string("a\xff"
                                              "b"),
                                  std::string("abc\xe2\x82"), std::string("\xc3\xa9 then ascii")}) {
    AssignUtf16(text, &buffer);
    EXPECT_EQ(buffer, ToUtf16(text)) << text;
    std::u16string by_decoding;
    for (char32_t code : DecodeUtf8Lossy(text)) {
      if (code >= 0x10000) {
        by_decoding += static_cast<char16_t>(0xD800 + ((code - 0x10000) >> 10));
        by_decoding += static_cast<char16_t>(0xDC00 + ((code - 0x10000) & 0x3FF));
      } else {
        by_decoding += static_cast<char16_t>(code);
      }
    }
    EXPECT_EQ(buffer, by_decoding) << text;
  }
}

TEST(Utf8, EncodesEveryPlane) {
  std::string out;
  for (const char32_t c : {U'a', char32_t{0xE9}, char32_t{0x20AC}, char32_t{0x1F600}}) AppendUtf8(out, c);
  EXPECT_EQ(out, "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
}

}  // namespace
}  // namespace clawgate
