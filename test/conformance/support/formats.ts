/**
 * The wire forms under test: each format's compact form (what the server sends) and its
 * pretty/indented form, through the public codecs.
 */
import type { WireFormat } from '../../../src/arbitrary/index.js';
import { jsonCodec } from '../../../src/formats/json/index.js';
import { jsvCodec } from '../../../src/formats/jsv/index.js';
import { xmlCodec } from '../../../src/formats/xml/index.js';
import type { TypeDescriptor } from '../../../src/schema/descriptors.js';

export type FormId = 'json' | 'json-pretty' | 'jsv' | 'jsv-pretty' | 'xml' | 'xml-pretty';

export interface WireForm {
  readonly id: FormId;
  /** For the report. */
  readonly label: string;
  readonly format: WireFormat;
  readonly pretty: boolean;
  encode(type: TypeDescriptor, value: unknown): string;
  decode(type: TypeDescriptor, text: string): unknown;
}

const CODECS = { json: jsonCodec, jsv: jsvCodec, xml: xmlCodec } as const;
const LABELS: Record<WireFormat, string> = { json: 'JSON', jsv: 'JSV', xml: 'XML' };

function form(format: WireFormat, pretty: boolean): WireForm {
  const codec = CODECS[format];
  const options = { pretty };
  return {
    id: (pretty ? `${format}-pretty` : format) as FormId,
    label: `${LABELS[format]} ${pretty ? (format === 'xml' ? 'indented' : 'pretty') : 'compact'}`,
    format,
    pretty,
    encode: (t, v) => codec.encode(t, v, options),
    decode: (t, text) => codec.decode(t, text),
  };
}

export const FORMS: Readonly<Record<FormId, WireForm>> = {
  json: form('json', false),
  'json-pretty': form('json', true),
  jsv: form('jsv', false),
  'jsv-pretty': form('jsv', true),
  xml: form('xml', false),
  'xml-pretty': form('xml', true),
};

/** The compact forms, one per format. */
export const COMPACT: readonly WireForm[] = [FORMS.json, FORMS.jsv, FORMS.xml];

/** Every form: compact and pretty of each format. */
export const ALL_FORMS: readonly WireForm[] = [FORMS.json, FORMS['json-pretty'], FORMS.jsv, FORMS['jsv-pretty'], FORMS.xml, FORMS['xml-pretty']];

export const FORMATS: readonly WireFormat[] = ['json', 'jsv', 'xml'];
