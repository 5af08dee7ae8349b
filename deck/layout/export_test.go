package layout

// TextsOf is textsOf for the tests of package layout_test.
var TextsOf = textsOf
