// Package mail makes a rendered deck ready to send: an RFC 5322 message
// with the PDF attached, a plain-text and an HTML body that say what the
// deck is (its title, date, page count, size, the slides changed since the
// previous version and the text of its summary slide), and the first slide
// as an inline picture; and, opt in, sends it over SMTP.
//
// Draft.Message writes the message with github.com/emersion/go-message:
//
//	multipart/mixed
//	  multipart/related
//	    multipart/alternative
//	      text/plain
//	      text/html
//	    image/png (inline, referenced by the HTML as cid:)
//	  application/pdf (attachment)
//
// and, for a draft without a picture, multipart/mixed of the
// multipart/alternative and the PDF.
//
// A message is a function of its Draft: boundaries, the Message-ID and
// the Date come from the draft's content and dates, never from the clock
// or a random source, so the same deck gives the same bytes.
//
// Send hands a message to an SMTP server with github.com/emersion/go-smtp,
// requiring STARTTLS unless told the server is a local relay, and within a
// bounded time.
//
// The package is named for what it provides, a mail of a deck; it knows
// nothing of the PDF but its bytes, and nothing of the command line.
package mail
