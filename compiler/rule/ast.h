// X3 attribute types for the rule grammar (private to compiler/rule/).
#ifndef CLAWGATE_COMPILER_RULE_AST_H_
#define CLAWGATE_COMPILER_RULE_AST_H_

#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>
#include <string>
#include <vector>

namespace clawgate::rule::ast {

namespace x3 = boost::spirit::x3;

struct AnyChars {};  // `*` inside a word.
struct OneChar {};   // `?` inside a word.

using Piece = x3::variant<std::string, AnyChars, OneChar>;

// Word and Alternation are containers themselves: X3 fills a container
// attribute directly, which a single-member fusion struct would not allow.
struct Word : x3::position_tagged, std::vector<Piece> {};

struct Alternation : x3::position_tagged, std::vector<Word> {};

struct AnyArgs : x3::position_tagged {
  char marker = 0;  // Unused; gives the struct an attribute to adapt.
};

struct OneArg : x3::position_tagged {
  char marker = 0;
};

using ArgToken = x3::variant<AnyArgs, OneArg, Alternation, Word>;

struct PathGlob : x3::position_tagged {
  std::string text;
};

struct Rule : x3::position_tagged {
  PathGlob path;
  std::vector<ArgToken> args;
};

}  // namespace clawgate::rule::ast

#endif  // CLAWGATE_COMPILER_RULE_AST_H_
