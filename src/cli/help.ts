/** The `--help` texts. Every command's text ends with examples that work as written from the repo root. */

/** The options of every command that resolves a registry (src/cli/schema-options.ts). */
export const SCHEMA_HELP = `Schema options (every command):
  --schema FILE      the API's DTOs: its /types/metadata (or /metadata/app.json) JSON document;
                     default: the built-in Evo Voice DTOs
  --case CASE        JSON/JSV member names: camel (a ServiceStack host's default), pascal
                     (ServiceStack.Text outside a host) or snake
  --enum-as-integer  JSON/JSV write every enum as its number (JsConfig.TreatEnumAsInteger)
  --exclude-default-values
                     JSON/JSV omit members that hold their default (JsConfig.ExcludeDefaultValues)
  --include-null-values
                     JSON/JSV write null members as null (JsConfig.IncludeNullValues)
  --contract-namespace CLRNS=URI
                     XML namespace for the types of .NET namespace CLRNS that have no
                     [DataContract(Namespace)] ([assembly: ContractNamespace]); repeatable`;

export const EXIT_CODES = `Exit codes:
  0  success
  1  invalid input (a document that does not decode, an unreadable/empty/binary/too large file,
     a --schema document that does not load, an output UTF-8 cannot carry)
  2  usage error (unknown command, option, type, format or revision; an output that is an input)
  70 internal error (a bug in dto-formats: please report it with the printed trace)`;

export const MAIN_HELP = `dto-formats: ServiceStack's wire formats (JSON, JSV, DataContract XML), byte-exact with the .NET server.

Usage: dto-formats <command> [options]

Commands:
  convert   convert DTO documents between json, jsv and xml
  validate  check documents against a DTO type; errors as file:line:col: path: message
  sample    print the sample a ServiceStack metadata page shows for a type
  types     list the registered DTO types
  describe  show a type's members, wire names, .NET types, descriptions and routes
  codegen   write TypeScript types for the DTOs (and the name → type map of the typed API)

Options:
  -h, --help     help for dto-formats or a command (dto-formats convert --help)
  -v, --version  print the version
  --debug        print stack traces of unexpected errors

Every command reads the DTOs of any ServiceStack API from --schema FILE (its /types/metadata
document); without it, the built-in Evo Voice DTOs. See dto-formats convert --help.

Examples:
  dto-formats convert fixtures/seeds/NewCustomer.request.rev1.jsv --type NewCustomer --revision 1 --to json
  dto-formats sample CustomerInfo --format xml --pretty
  dto-formats types
  dto-formats types --schema fixtures/metadata/zoo.metadata.json

${EXIT_CODES}`;

export const CONVERT_HELP = `Usage: dto-formats convert [FILE|DIR|-]... --to FORMAT [options]

Reads DTO documents and writes them in another format, exactly as a ServiceStack server would.
With one input the result goes to stdout (exact bytes; a trailing newline only when stdout is
a terminal) or to -o FILE. With several inputs or a directory, -o names an output directory:
the tree is kept, extensions change to the target format's, failures are listed at the end.

Inputs and outputs:
  A FILE may also be a FIFO, a pipe or a device (/dev/stdin): it is read to its end, and
  reading stops at --max-size (the document is then refused). Missing directories on the
  -o path are created; -o a symlink replaces the file it points to (the link stays); -o a
  device or FIFO (/dev/null, /dev/stdout) writes into it. An output that is one of the
  inputs or the --schema file, by any spelling, symlink or hard link, is refused (exit 2),
  as is -o DIR inside an input directory. Output is UTF-8: text with an unpaired surrogate
  (from a JSON "\\ud800" escape) is refused with its position (exit 1), never written as U+FFFD.

Collections stream:
  A collection — a JSON or JSV list ([...]), an XML ArrayOfX document, NDJSON (one JSON DTO
  per line) — is converted element by element in bounded memory, whatever its size (--max-size
  does not apply). --type names the element type (CustomerInfo; ArrayOfCustomerInfo and
  List<CustomerInfo> are read as it); XML collections name it themselves. A regular file or
  stdin is recognised from its first 64 KiB; a FIFO or device streams only with --stream.
  An error stops the conversion: with -o nothing is written; on stdout what was already
  written stays and a second line says that the output is incomplete.

Options:
  --to FORMAT        json | jsv | xml | ndjson (required)
  --from FORMAT      json | jsv | xml | ndjson; default: by file extension, else sniffed from the content
  --type NAME        the DTO type (e.g. CustomerInfo); may be omitted for XML, whose root names it
  --revision N       API revision of the DTOs, for a schema that has several (default: the latest)
  --pretty           the metadata-page layout: JSV as JsvFormatter.Format, XML indented
  --no-declaration   XML: omit <?xml version="1.0" encoding="utf-8"?>
  --newline NL       lf (default) or crlf, for --pretty
  --lenient          decode like the server: keep defaults where it silently ignores a bad value
  --strict           XML: reject what DataContractSerializer would drop (out-of-order members)
  --nonfinite MODE   JSON: bare (default, as ServiceStack writes NaN/Infinity) or string ("NaN")
  -o, --output PATH  output file (one input) or directory (several inputs or a directory)
  --max-size SIZE    largest document read (default 256M)
  --verbose          say which format and type were chosen and why
  --stream           stream the input as a collection (refused when it is not one); needed
                     only for FIFOs and devices: files and stdin that hold a collection stream
  --progress         the progress line (records, MB, MB/s on stderr), also when stderr is not
                     a terminal (it is shown on a terminal anyway)

${SCHEMA_HELP}

Examples:
  dto-formats convert fixtures/seeds/NewCustomer.request.rev1.jsv --type NewCustomer --revision 1 --to json
  dto-formats convert fixtures/seeds/CustomerInfo.response.rev2.xml --to jsv --pretty
  dto-formats convert fixtures/seeds/SetCustomerStagingMode.request.rev2.xml --to json --case pascal
  dto-formats convert fixtures/oracle/zoo/vectors/025-Everything-edge/dto.xml --schema fixtures/metadata/zoo.metadata.json --to jsv
  cat order.json | dto-formats convert - --type PatchCustomer --to xml --no-declaration
  dto-formats convert fixtures/oracle/vectors --to jsv -o /tmp/jsv-out

${EXIT_CODES}`;

export const VALIDATE_HELP = `Usage: dto-formats validate FILE|DIR... [options]

Decodes each document and reports the first problem in each, one line per file, as
file:line:col: path: message (the format editors and compilers understand).

Options:
  --type NAME     the DTO type; may be omitted for XML
  --from FORMAT   json | jsv | xml; default: by extension, else sniffed
  --revision N    API revision, for a schema that has several (default: the latest)
  --strict        also report what the server would silently drop (XML member order)
  --lenient       accept what the server accepts silently (bad values kept at their default)
  --max-size SIZE largest document read (default 256M)
  --quiet         print nothing for valid files

${SCHEMA_HELP}

Examples:
  dto-formats validate fixtures/seeds/CustomerInfo.response.rev2.xml
  dto-formats validate fixtures/seeds/PatchCustomer.request.rev1.jsv --type PatchCustomer --revision 1
  dto-formats validate fixtures/oracle/zoo/vectors/020-Renamed-edge/dto.xml --schema fixtures/metadata/zoo.metadata.json

${EXIT_CODES}`;

export const SAMPLE_HELP = `Usage: dto-formats sample NAME --format FORMAT [options]

Prints the sample instance a ServiceStack metadata page shows for a type: "String" for
strings, defaults for numbers and booleans, the lowest enum member, one element per list,
one "String" key per dictionary, nesting cut at the same depth as ServiceStack.

Options:
  --format FORMAT    json | jsv | xml (required)
  --revision N       API revision, for a schema that has several (default: the latest)
  --pretty           the metadata-page layout (JSV formatter, indented XML)
  --no-declaration   XML: omit the XML declaration (the metadata pages omit it)
  --newline NL       lf (default) or crlf
  --data MODE        members whose type can contain itself (Evo Voice: Data, FlowParams):
                     populated (default; as the JSV pages and the older XML page show) or
                     nil (as the newer XML page of seed 003 shows)

${SCHEMA_HELP}

Examples:
  dto-formats sample NewCustomer --format jsv --pretty --revision 1
  dto-formats sample CustomerInfo --format xml --pretty --no-declaration --data nil
  dto-formats sample Everything --schema fixtures/metadata/zoo.metadata.json --format json --include-null-values

${EXIT_CODES}`;

export const TYPES_HELP = `Usage: dto-formats types [--schema FILE] [--revision N] [--json]

Lists the registered DTO types: name, .NET namespace and role (request with its routes,
response, class, struct, dictionary, enum; int and [Flags] enums marked), and the XML name
and namespace where they are not the .NET ones ([DataContract], nested and generic types).

Options:
  --revision N  API revision, for a schema that has several (default: the latest)
  --json        machine-readable output

${SCHEMA_HELP}

Examples:
  dto-formats types
  dto-formats types --revision 1 --json
  dto-formats types --schema fixtures/metadata/zoo.metadata.json

${EXIT_CODES}`;

export const DESCRIBE_HELP = `Usage: dto-formats describe NAME [--schema FILE] [--revision N] [--json]

Shows a type: its .NET name and namespace, base class, members in wire order with wire
name, .NET name, .NET type, DataMember name/order/EmitDefaultValue/IsRequired and
description; struct, generic arguments and XML name where they apply; enum members with
their values and wire texts ([EnumMember]), [Flags] and whether JSON/JSV write numbers;
routes, verb and response for request DTOs. NAME is a short name (CustomerInfo) or, where
two namespaces share it, the .NET full name (Voice.Api.Customers.CustomerInfo).

Options:
  --revision N  API revision, for a schema that has several (default: the latest)
  --json        machine-readable output

${SCHEMA_HELP}

Examples:
  dto-formats describe PatchCustomer
  dto-formats describe BillingSettings --revision 1
  dto-formats describe Renamed --schema fixtures/metadata/zoo.metadata.json
  dto-formats describe Permissions --schema fixtures/metadata/zoo.metadata.json --json

${EXIT_CODES}`;

export const CODEGEN_HELP = `Usage: dto-formats codegen [--schema FILE] [-o FILE] [--map-name NAME]

Writes TypeScript declarations for the DTOs in the value model the codecs read and write:
one interface per class (members by wire name; Int64 as bigint, Decimal as string,
DateTime as DateTimeValue…, imported as types from 'dto-formats'), one union type per enum,
and a name → type map, so that bind<Map>(registry).json.decode('Hello', text) is a Hello.
The profile flags change the member names (--case) as they change the wire. On the built-in
registry it writes src/dtos/types.ts exactly (npm run gen:types).

Options:
  -o, --output FILE  write to FILE (atomically) instead of stdout
  --map-name NAME    the name of the type map interface (default: the registry's name in
                     PascalCase + Types: EvoVoiceTypes, ZooTypes for zoo.metadata.json)

${SCHEMA_HELP}

Examples:
  dto-formats codegen --schema fixtures/metadata/zoo.metadata.json
  dto-formats codegen --map-name EvoVoiceTypes

${EXIT_CODES}`;
