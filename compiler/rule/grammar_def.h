// Definition of the X3 rule grammar.
//
//   rule        := blank* path-glob (blank+ arg-token)* blank* end
//   path-glob   := squoted | dquoted | (any char but blank and quotes)+
//   arg-token   := "**" | "*" | alternation | word      (followed by blank or end)
//   alternation := '{' alt-word (',' alt-word)* '}'
//   word        := (squoted | dquoted | '*' | '?' | bare-run)+
//   squoted     := "'" any-but-"'"* "'"
//   dquoted     := '"' ( '\' ["\] | any-but-'"' )* '"'
//   bare-run    := ( '\' any | any-but- blank ' " \ * ? { } )+   (alt-word: also not ',')
//
// Expectation points are named rules so that parser.cc can turn a failure
// into a precise diagnostic.
#ifndef CLAWGATE_COMPILER_RULE_GRAMMAR_DEF_H_
#define CLAWGATE_COMPILER_RULE_GRAMMAR_DEF_H_

#include <boost/spirit/home/x3.hpp>

#include "compiler/rule/ast.h"
#include "compiler/rule/ast_adapted.h"
#include "compiler/rule/config.h"
#include "compiler/rule/grammar.h"

namespace clawgate::rule::parser {

namespace x3 = boost::spirit::x3;
using x3::attr;
using x3::eoi;
using x3::lit;
using x3::standard::char_;

/// Records the source range of every position-tagged node it parses.
struct annotate_position {
  template <typename T, typename Iterator, typename Context>
  void on_success(Iterator const& first, Iterator const& last, T& node, Context const& context) {
    if constexpr (std::is_base_of_v<x3::position_tagged, T>) {
      x3::get<position_cache_tag>(context).get().annotate(node, first, last);
    }
  }
};

struct squoted_class;
struct dquoted_class;
struct escaped_class;
struct bare_run_class;
struct alt_bare_run_class;
struct word_class : annotate_position {};
struct alt_word_class : annotate_position {};
struct alternation_class : annotate_position {};
struct any_args_class : annotate_position {};
struct one_arg_class : annotate_position {};
struct path_glob_class : annotate_position {};
struct rule_class : annotate_position {};
struct close_squote_class;
struct close_dquote_class;
struct escaped_char_class;
struct close_brace_class;
struct alt_options_class;
struct end_of_rule_class;

// Names of the expectation points; parser.cc keys its messages on them.
inline constexpr char kCloseSquote[] = "closing single quote";
inline constexpr char kCloseDquote[] = "closing double quote";
inline constexpr char kEscapedChar[] = "escaped character";
inline constexpr char kCloseBrace[] = "closing brace";
inline constexpr char kAltOptions[] = "alternative";
inline constexpr char kEndOfRule[] = "end of rule";

x3::rule<squoted_class, std::string> const squoted = "single-quoted string";
x3::rule<dquoted_class, std::string> const dquoted = "double-quoted string";
x3::rule<escaped_class, char> const escaped = "escape";
x3::rule<bare_run_class, std::string> const bare_run = "word";
x3::rule<alt_bare_run_class, std::string> const alt_bare_run = "word";
x3::rule<word_class, ast::Word> const word = "word";
x3::rule<alt_word_class, ast::Word> const alt_word = "word";
x3::rule<alternation_class, ast::Alternation> const alternation = "alternation";
x3::rule<any_args_class, ast::AnyArgs> const any_args = "'**'";
x3::rule<one_arg_class, ast::OneArg> const one_arg = "'*'";
x3::rule<path_glob_class, ast::PathGlob> const path_glob = "executable glob";
x3::rule<close_squote_class> const close_squote = kCloseSquote;
x3::rule<close_dquote_class> const close_dquote = kCloseDquote;
x3::rule<escaped_char_class, char> const escaped_char = kEscapedChar;
x3::rule<close_brace_class> const close_brace = kCloseBrace;
x3::rule<alt_options_class, ast::Alternation> const alt_options = kAltOptions;
x3::rule<end_of_rule_class> const end_of_rule = kEndOfRule;
rule_type const rule = "rule";

auto const blank = lit(' ') | lit('\t');
auto const token_end = &(blank | eoi);

auto const close_squote_def = lit('\'');
auto const close_dquote_def = lit('"');
auto const escaped_char_def = char_;
auto const close_brace_def = lit('}');
auto const end_of_rule_def = eoi;

auto const squoted_def = lit('\'') > *~char_('\'') > close_squote;
auto const dquoted_def = lit('"') > *((lit('\\') >> char_("\"\\")) | ~char_('"')) > close_dquote;
auto const escaped_def = lit('\\') > escaped_char;
auto const bare_run_def = +(escaped | ~char_(" \t'\"\\*?{}"));
auto const alt_bare_run_def = +(escaped | ~char_(" \t'\"\\*?{},"));

auto const any_chars = lit('*') >> attr(ast::AnyChars{});
auto const one_char = lit('?') >> attr(ast::OneChar{});

auto const word_def = +(squoted | dquoted | any_chars | one_char | bare_run);
auto const alt_word_def = +(squoted | dquoted | any_chars | one_char | alt_bare_run);
auto const alt_options_def = alt_word % ',';
auto const alternation_def = lit('{') > alt_options > close_brace;
auto const any_args_def = lit("**") >> token_end >> attr(char(0));
auto const one_arg_def = lit('*') >> token_end >> attr(char(0));
auto const arg_token = any_args | one_arg | alternation | word;

auto const path_glob_def = squoted | dquoted | +~char_(" \t'\"");

auto const rule_def = *blank >> path_glob >> *(+blank >> arg_token) >> *blank > end_of_rule;

BOOST_SPIRIT_DEFINE(squoted, dquoted, escaped, bare_run, alt_bare_run, word, alt_word, alt_options, alternation,
                    any_args, one_arg, path_glob, close_squote, close_dquote, escaped_char, close_brace, end_of_rule,
                    rule)

}  // namespace clawgate::rule::parser

#endif  // CLAWGATE_COMPILER_RULE_GRAMMAR_DEF_H_
