/**
 * The commented starter crosscheck.yaml written by `Crosscheck: Create crosscheck.yaml` and
 * `crosscheck init`. Every key is optional; the commented values are the defaults.
 */
export const STARTER_CONFIG = `# crosscheck.yaml: configuration of Crosscheck for this corpus.
# Every key is optional. Paths and globs are relative to this file's folder.
version: 1

# Which files are articles. The defaults are shown.
include:
  - "**/*.txt"
  - "**/*.news"

# Files and folders never analysed (this list replaces the built-in one).
# exclude:
#   - "**/node_modules/**"
#   - "**/.crosscheck/**"

# Files above this size are skipped with a notice.
# maxFileSize: 2 MB

# Severity per rule: error, warning, information, hint, or off.
rules:
  vague-attribution: information

# Extra phrases that mark a source as vague.
# attribution:
#   vaguePhrases:
#     - "people familiar with the matter"

# Metadata for articles without front matter.
# documents:
#   reports/harbour-ledger.txt:
#     outlet: The Harbour Ledger
#     published: 2025-03-05T07:00:00Z
`;
