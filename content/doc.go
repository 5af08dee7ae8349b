// Package content reads a deck from its files (a deck YAML file, a theme
// YAML file, CSV data, fonts and images) into the model of package deck,
// with every node's file, line and column, and reports every problem it
// finds in one run.
//
// The default report is embedded: Default returns its files.
package content
