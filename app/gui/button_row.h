#pragma once
// Buttons side by side while they fit: the panels are narrow and their labels change length
// with the language, so a button put on the same line can be cut off at the panel's edge.

namespace gui {

// Call before drawing a button labelled `label`: puts it on the line of the previous item when
// the remaining width holds it, else on the next line. SmallButton's frame has the same width.
void same_line_if_fits(const char* label);

}  // namespace gui
