"""Reading what people write: times and dates (:mod:`.times`), pasted tables (:mod:`.tables`)."""
