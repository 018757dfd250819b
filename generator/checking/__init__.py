"""Checking a reading against the clause library: the gap analysis and what the law makes of a gap. Stands on reading/."""
