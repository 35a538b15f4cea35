# The sample cable, parsed, as JSON: the golden file was checked by hand.
"$CABLE" parse --json corpus/09PARIS268.txt
