"""Making documents: addenda, letters and notices, reports, PDFs, redlines and the clause library trace. Stands on checking/ and reading/."""
