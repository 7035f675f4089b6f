/** The `--help` texts. Every command's text ends with examples that work as written from the repo root. */

export const EXIT_CODES = `Exit codes:
  0  success
  1  invalid input (a document that does not decode, an unreadable/empty/binary/too large file)
  2  usage error (unknown command, option, type, format or revision)
  70 internal error (a bug in dto-formats: please report it with the printed trace)`;

export const MAIN_HELP = `dto-formats: ServiceStack's wire formats (JSON, JSV, DataContract XML), byte-exact with the .NET server.

Usage: dto-formats <command> [options]

Commands:
  convert   convert DTO documents between json, jsv and xml
  validate  check documents against a DTO type; errors as file:line:col: path: message
  sample    print the sample a ServiceStack metadata page shows for a type
  types     list the registered DTO types
  describe  show a type's members, wire names, .NET types, descriptions and routes

Options:
  -h, --help     help for dto-formats or a command (dto-formats convert --help)
  -v, --version  print the version
  --debug        print stack traces of unexpected errors

Examples:
  dto-formats convert fixtures/seeds/NewCustomer.request.rev1.jsv --type NewCustomer --revision 1 --to json
  dto-formats sample CustomerInfo --format xml --pretty
  dto-formats types

${EXIT_CODES}`;

export const CONVERT_HELP = `Usage: dto-formats convert [FILE|DIR|-]... --to FORMAT [options]

Reads DTO documents and writes them in another format, exactly as a ServiceStack server would.
With one input the result goes to stdout (exact bytes; a trailing newline only when stdout is
a terminal) or to -o FILE. With several inputs or a directory, -o names an output directory:
the tree is kept, extensions change to the target format's, failures are listed at the end.

Options:
  --to FORMAT        json | jsv | xml (required)
  --from FORMAT      json | jsv | xml; default: by file extension, else sniffed from the content
  --type NAME        the DTO type (e.g. CustomerInfo); may be omitted for XML, whose root names it
  --revision N       API revision of the DTOs (default: the latest)
  --pretty           the metadata-page layout: JSV as JsvFormatter.Format, XML indented
  --no-declaration   XML: omit <?xml version="1.0" encoding="utf-8"?>
  --newline NL       lf (default) or crlf, for --pretty
  --lenient          decode like the server: keep defaults where it silently ignores a bad value
  --strict           XML: reject what DataContractSerializer would drop (out-of-order members)
  --nonfinite MODE   JSON: bare (default, as ServiceStack writes NaN/Infinity) or string ("NaN")
  -o, --output PATH  output file (one input) or directory (several inputs or a directory)
  --max-size SIZE    largest document read (default 256M)
  --verbose          say which format and type were chosen and why

Examples:
  dto-formats convert fixtures/seeds/NewCustomer.request.rev1.jsv --type NewCustomer --revision 1 --to json
  dto-formats convert fixtures/seeds/CustomerInfo.response.rev2.xml --to jsv --pretty
  cat order.json | dto-formats convert - --type PatchCustomer --to xml --no-declaration
  dto-formats convert fixtures/oracle/vectors --to jsv -o /tmp/jsv-out

${EXIT_CODES}`;

export const VALIDATE_HELP = `Usage: dto-formats validate FILE|DIR... [options]

Decodes each document and reports the first problem in each, one line per file, as
file:line:col: path: message (the format editors and compilers understand).

Options:
  --type NAME     the DTO type; may be omitted for XML
  --from FORMAT   json | jsv | xml; default: by extension, else sniffed
  --revision N    API revision (default: the latest)
  --strict        also report what the server would silently drop (XML member order)
  --lenient       accept what the server accepts silently (bad values kept at their default)
  --max-size SIZE largest document read (default 256M)
  --quiet         print nothing for valid files

Examples:
  dto-formats validate fixtures/seeds/CustomerInfo.response.rev2.xml
  dto-formats validate fixtures/seeds/PatchCustomer.request.rev1.jsv --type PatchCustomer --revision 1

${EXIT_CODES}`;

export const SAMPLE_HELP = `Usage: dto-formats sample NAME --format FORMAT [options]

Prints the sample instance a ServiceStack metadata page shows for a type: "String" for
strings, defaults for numbers and booleans, the lowest enum member, one element per list,
one "String" key per dictionary, nesting cut at the same depth as ServiceStack.

Options:
  --format FORMAT    json | jsv | xml (required)
  --revision N       API revision (default: the latest)
  --pretty           the metadata-page layout (JSV formatter, indented XML)
  --no-declaration   XML: omit the XML declaration (the metadata pages omit it)
  --newline NL       lf (default) or crlf
  --data MODE        the recursive Struct members (Data, FlowParams): populated (default;
                     as the JSV pages and the older XML page show) or nil (as the newer XML
                     page of seed 003 shows)

Examples:
  dto-formats sample NewCustomer --format jsv --pretty --revision 1
  dto-formats sample CustomerInfo --format xml --pretty --no-declaration --data nil

${EXIT_CODES}`;

export const TYPES_HELP = `Usage: dto-formats types [--revision N] [--json]

Lists the registered DTO types: name, kind, .NET namespace and, for request DTOs, the route.

Options:
  --revision N  API revision (default: the latest)
  --json        machine-readable output

Examples:
  dto-formats types
  dto-formats types --revision 1 --json

${EXIT_CODES}`;

export const DESCRIBE_HELP = `Usage: dto-formats describe NAME [--revision N] [--json]

Shows a type: its .NET name and namespace, base class, members in wire order with wire
name, .NET name, .NET type and description; enum members; routes, verb and response for
request DTOs.

Options:
  --revision N  API revision (default: the latest)
  --json        machine-readable output

Examples:
  dto-formats describe PatchCustomer
  dto-formats describe BillingSettings --revision 1

${EXIT_CODES}`;
