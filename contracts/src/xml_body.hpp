// xml_body.hpp: the steps of body validation shared by validate_body, validate_body_auto and
// validate_http (internal).
#pragma once

#include "model.hpp"

#include <pugixml.hpp>

namespace harness::contracts::detail {

// Size, emptiness, UTF-8, well-formedness and forbidden constructs (DOCTYPE, processing
// instructions at document level). Appends violations; returns the root element, or an empty
// node when the body cannot be walked.
pugi::xml_node parse_body(std::string_view body, const ValidationOptions& options,
                          pugi::xml_document& doc, Violations& out);

// The message whose root and dispatch rules fit `root`, or nullptr.
const MessageContract* select_message(const Registry& registry, pugi::xml_node root);

// Walks `root` against `contract` (root name included) and appends every violation.
// `body_size` (bytes of the parsed body) sizes the duplicate-check tables.
void validate_tree(const MessageContract& contract, pugi::xml_node root,
                   const ValidationOptions& options, Violations& out, std::size_t body_size);

// Appends xml_too_deep when any element under `node` (at `depth`, root = 1) nests deeper than
// the limit. Iterative: safe on 10,000-deep documents.
void check_depth(pugi::xml_node node, std::size_t depth, const ValidationOptions& options,
                 Violations& out);

// At most 80 bytes of `text` (cut at a UTF-8 boundary), with "..." when cut.
std::string excerpt(std::string_view text);

} // namespace harness::contracts::detail
