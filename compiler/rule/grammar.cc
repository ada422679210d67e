// Instantiation of the X3 rule grammar for config.h's iterator and context.
#include "compiler/rule/grammar_def.h"

namespace clawgate::rule::parser {

BOOST_SPIRIT_INSTANTIATE(rule_type, iterator_type, context_type)

}  // namespace clawgate::rule::parser

namespace clawgate::rule {

parser::rule_type const& rule_grammar() { return parser::rule; }

}  // namespace clawgate::rule
