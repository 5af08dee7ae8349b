package mail

import (
	"fmt"
	"net/mail"
	"strings"
)

// An Address is a mail address, with an optional display name.
type Address = mail.Address

// ParseAddresses parses a comma-separated list of addresses, as a --to
// flag gives them ("a@b.cn, 王伟 <wang@b.cn>"); an empty list is nil. An
// invalid address is an error that quotes it.
func ParseAddresses(list string) ([]*Address, error) {
	if strings.TrimSpace(list) == "" {
		return nil, nil
	}
	var out []*Address
	for _, s := range splitList(list) {
		a, err := mail.ParseAddress(s)
		if err != nil {
			return nil, &AddressError{Address: strings.TrimSpace(s)}
		}
		out = append(out, a)
	}
	return out, nil
}

// An AddressError is an address that does not parse.
type AddressError struct {
	Address string // as written
}

func (e *AddressError) Error() string {
	return fmt.Sprintf("mail: %q is not a mail address such as name@example.com", e.Address)
}

// splitList splits a list of addresses at the commas outside quotes and
// angle brackets, dropping empty entries ("a@b.cn,,c@d.cn").
func splitList(list string) []string {
	var out []string
	quoted, angle, start := false, false, 0
	add := func(s string) {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	for i, r := range list {
		switch {
		case r == '"':
			quoted = !quoted
		case r == '<' && !quoted:
			angle = true
		case r == '>' && !quoted:
			angle = false
		case r == ',' && !quoted && !angle:
			add(list[start:i])
			start = i + 1
		}
	}
	add(list[start:])
	return out
}
