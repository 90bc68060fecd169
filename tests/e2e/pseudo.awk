# msgfilter's filter for the pseudo-language en-XA: every letter a, e, i,
# o, u of the text becomes á, é, í, ó, ú, so a word that reaches the
# contract without passing a catalog still has plain vowels.  Placeholders
# keep their names ({party:vendor|...}); the words after a '|' inside one
# are text too, and change.  UTF-8 in, UTF-8 out; other bytes as they are.
BEGIN {
	RS = "\001"; ORS = ""
	map["a"] = "á"; map["e"] = "é"; map["i"] = "í"; map["o"] = "ó"; map["u"] = "ú"
	map["A"] = "Á"; map["E"] = "É"; map["I"] = "Í"; map["O"] = "Ó"; map["U"] = "Ú"
}
{
	depth = 0; text = 1; out = ""
	n = length($0)
	for (i = 1; i <= n; i++) {
		c = substr($0, i, 1)
		if (c == "{") { depth++; text = 0 }
		else if (c == "}" && depth > 0) { depth--; text = depth == 0 }
		else if (c == "|" && depth > 0) text = 1
		else if (text && (c in map)) c = map[c]
		out = out c
	}
	print out
}
