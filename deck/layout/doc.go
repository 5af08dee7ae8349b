// Package layout turns a deck into pages of positioned items: text runs,
// boxes, paths, images and links, with every line break and coordinate
// decided. Backends only draw what it produces; they never measure or wrap.
//
// Coordinates are in points with the origin at the top left of the page and
// y growing downwards. Text is placed by its baseline.
//
// Each page also carries its structure (Page.Tree): a tree of Nodes in
// reading order, each with a Role (title, paragraph, list, table, figure
// with its alternative text, artifact…), whose leaves hold every item of
// the page once. Painters draw the items as they are; a tagged PDF or a
// slide show's text boxes and tables are written from the tree.
//
// Most pages are laid out once, slide by slide. An agenda lists the pages
// its entries begin on, which are known only once every slide is laid
// out (a table may continue over several): its page is laid out again
// then, and links to slides (#slide-id) are pointed at their pages
// (Link.Page).
package layout
