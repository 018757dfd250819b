"""Reading a document: bounded input, text with locations from PDF, DOCX and text, sentences and lists, spreadsheets, safe paths and uploads. Knows nothing of provisions."""
