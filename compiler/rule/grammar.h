// Declaration of the X3 rule grammar (definition: grammar_def.h,
// instantiation: grammar.cc).
#ifndef CLAWGATE_COMPILER_RULE_GRAMMAR_H_
#define CLAWGATE_COMPILER_RULE_GRAMMAR_H_

#include <boost/spirit/home/x3.hpp>

#include "compiler/rule/ast.h"

namespace clawgate::rule {
namespace parser {

namespace x3 = boost::spirit::x3;

struct rule_class;
using rule_type = x3::rule<rule_class, ast::Rule>;
BOOST_SPIRIT_DECLARE(rule_type)

}  // namespace parser

/// The grammar's start rule.
parser::rule_type const& rule_grammar();

}  // namespace clawgate::rule

#endif  // CLAWGATE_COMPILER_RULE_GRAMMAR_H_
