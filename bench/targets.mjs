// What each headline ratio (realistic CustomerInfo, dto-formats ÷ baseline) must not exceed,
// and where the figure comes from. A target may name a peer's ratio from the same run.
export const targets = {
  jsonEncode: { max: (peers) => peers.fastJsonStringify, why: "fast-json-stringify's own ratio in the same run (issue 10 §2)" },
  jsonDecode: { max: () => 1.2, why: 'issue 10 §1: typed JSON decoding at ≤ 1.2× JSON.parse' },
  jsvEncode: { max: () => 0.76, why: 'no slower than before issue 10 (0.76×)' },
  jsvDecode: { max: () => 1.2, why: 'issue 10 §2' },
  xmlEncode: { max: () => 0.81, why: 'no slower than before issue 10 (0.81×)' },
  xmlDecode: { max: () => 0.7, why: 'issue 10 §2: ≤ 0.7× txml' },
};

/** Ratios on this shared 2-core machine wander by about this much between runs. */
export const NOISE_MARGIN = 0.15;
