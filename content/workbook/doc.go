// Package workbook reads the cells of Excel workbooks (.xlsx, and the data
// of .xlsm; macros never run) as the spreadsheet shows them: each cell's
// number format applied, formulas as last computed. It also writes tables
// as workbooks, each cell with a number format that shows it as written.
//
// It is the only package that imports github.com/xuri/excelize/v2. It
// knows nothing of decks: package content turns its cells into data and
// its errors into diagnostics.
package workbook
