"""Reading questions: normalised text, tokens, Ukrainian word forms and typo-tolerant lookup."""
