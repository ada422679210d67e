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

TEST(Utf8, EncodesEveryPlane) {
  std::string out;
  for (const char32_t c : {U'a', char32_t{0xE9}, char32_t{0x20AC}, char32_t{0x1F600}}) AppendUtf8(out, c);
  EXPECT_EQ(out, "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
}

}  // namespace
}  // namespace clawgate
