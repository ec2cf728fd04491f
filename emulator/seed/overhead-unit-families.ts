// Overhead line units of the synthetic catalogue: poles, framing, guys, conductor, transformers and
// protection. Codes follow real utility CU naming; prices are indicative install dollars per unit.
import type { UnitFamily } from './unit-family.js';
import { bare, CONDUCTOR_SIZES, cross, sizeRank } from './unit-family.js';

export const OVERHEAD_UNIT_FAMILIES: readonly UnitFamily[] = [
  {
    group: 'Poles',
    uom: 'EA',
    removal: 0.45,
    transfer: 0.6,
    codes: cross([25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85], [1, 2, 3, 4, 5]).map(
      ([height, cls]) => [
        `POLE-${height}-${cls}`,
        `Wood pole ${height} ft class ${cls}`,
        700 + height * 28 - cls * 35,
      ],
    ),
  },
  {
    group: 'Poles',
    uom: 'EA',
    removal: 0.4,
    transfer: 0,
    codes: [40, 45, 50, 55, 60].map((height) => [
      `POLE-STL-${height}`,
      `Steel pole ${height} ft`,
      2600 + height * 45,
    ]),
  },
  {
    group: 'Crossarms',
    uom: 'SET',
    removal: 0.5,
    transfer: 0.7,
    codes: cross([8, 10], ['SGL', 'DBL', 'ALLEY']).map(([length, kind]) => [
      `XARM-${length}-${kind}`,
      `Crossarm ${length} ft ${kind === 'SGL' ? 'single' : kind === 'DBL' ? 'double' : 'alley arm'}`,
      180 + length * 12 + (kind === 'DBL' ? 140 : 0),
    ]),
  },
  {
    group: 'Insulators',
    uom: 'EA',
    removal: 0.35,
    transfer: 0.5,
    codes: cross(['PIN', 'SUSP', 'POST', 'DE'], [15, 25, 35]).map(([kind, kv]) => [
      `INS-${kind}-${kv}KV`,
      `${kind === 'SUSP' ? 'Suspension' : kind === 'DE' ? 'Dead-end' : kind === 'PIN' ? 'Pin' : 'Post'} insulator ${kv} kV`,
      45 + kv * 2.4 + (kind === 'DE' ? 40 : 0),
    ]),
  },
  {
    group: 'Guys and Anchors',
    uom: 'EA',
    removal: 0.4,
    transfer: 0,
    codes: [
      ...[6, 8, 10, 12].map((inches): [string, string, number] => [
        `GUY-ANCH-${inches}`,
        `Screw anchor ${inches} in`,
        240 + inches * 18,
      ]),
      ...['1/4', '3/8', '7/16'].map((strand): [string, string, number] => [
        `GUY-DOWN-${strand}`,
        `Down guy ${strand} in strand`,
        160 + strand.length * 15,
      ]),
      ['GUY-SIDEWALK-8', 'Sidewalk guy 8 ft', 410],
      ['GUY-PUSH-BRACE', 'Push brace', 520],
    ],
  },
  {
    group: 'Overhead Conductor',
    uom: 'FT',
    removal: 0.3,
    transfer: 0,
    codes: cross(CONDUCTOR_SIZES, ['AL', 'CU', 'ACSR']).map(([size, metal]) => [
      `CONDUCTOR-${bare(size)}-${metal}`,
      `Overhead conductor ${size} ${metal}`,
      1.1 + sizeRank(size) * 0.38 + (metal === 'CU' ? 1.6 : metal === 'ACSR' ? 0.4 : 0),
    ]),
  },
  {
    group: 'Overhead Conductor',
    uom: 'FT',
    removal: 0.3,
    transfer: 0,
    codes: cross(['6', '4', '2', '1/0'], [1, 2, 3]).map(([size, run]) => [
      `ALB-${size}-AUR${run}`,
      `Aerial line bundle ${size} AWG, unit run ${run}`,
      2.2 + run * 0.45 + (size === '1/0' ? 0.9 : 0),
    ]),
  },
  {
    group: 'Transformers',
    uom: 'EA',
    removal: 0.4,
    transfer: 0.55,
    codes: [
      ...[10, 15, 25, 37, 50, 75, 100, 167].map((kva): [string, string, number] => [
        `XFMR-OH-${kva}KVA`,
        `Overhead transformer ${kva} kVA`,
        1100 + kva * 14,
      ]),
      ...[25, 50, 75, 100, 167, 300, 500].map((kva): [string, string, number] => [
        `XFMR-PM-${kva}KVA`,
        `Pad-mount transformer ${kva} kVA`,
        2400 + kva * 11,
      ]),
      ...[75, 150, 300].map((kva): [string, string, number] => [
        `XFMR-3PH-${kva}KVA`,
        `Three-phase bank ${kva} kVA`,
        4800 + kva * 9,
      ]),
    ],
  },
  {
    group: 'Protection',
    uom: 'EA',
    removal: 0.4,
    transfer: 0.5,
    codes: [
      ...[100, 200].map((amps): [string, string, number] => [
        `FUSE-CO-${amps}A`,
        `Fused cutout ${amps} A`,
        210 + amps,
      ]),
      ...[10, 18, 27].map((kv): [string, string, number] => [
        `ARR-${kv}KV`,
        `Surge arrester ${kv} kV`,
        140 + kv * 4,
      ]),
      ...[600, 900, 1200].map((amps): [string, string, number] => [
        `SW-GOAB-${amps}A`,
        `Gang-operated air-break switch ${amps} A`,
        2900 + amps,
      ]),
      ...cross(['2WAY', '4WAY'], [15, 25]).map(([ways, kv]): [string, string, number] => [
        `SW-PM-${ways}-${kv}KV`,
        `Pad-mount switch ${ways === '2WAY' ? 'two' : 'four'}-way ${kv} kV`,
        6400 + kv * 60 + (ways === '4WAY' ? 2100 : 0),
      ]),
      ['RECL-1PH', 'Single-phase recloser', 5200],
      ['RECL-3PH', 'Three-phase recloser', 14800],
      ...[300, 600, 900].map((kvar): [string, string, number] => [
        `CAP-${kvar}KVAR`,
        `Capacitor bank ${kvar} kvar`,
        3100 + kvar * 3,
      ]),
      ...cross([100, 200], ['7.6', '14.4']).map(([amps, kv]): [string, string, number] => [
        `REG-${amps}A-${kv}KV`,
        `Voltage regulator ${amps} A ${kv} kV`,
        7600 + amps * 12,
      ]),
    ],
  },
  {
    group: 'Grounding',
    uom: 'EA',
    removal: 0,
    transfer: 0,
    codes: [
      ['GND-ROD-8', 'Ground rod 8 ft', 95],
      ['GND-ROD-10', 'Ground rod 10 ft', 118],
      ['GND-PLATE', 'Ground plate', 132],
      ['GND-TEST', 'Ground resistance test', 75],
    ],
  },
  {
    group: 'Hardware',
    uom: 'SET',
    removal: 0.45,
    transfer: 0.6,
    codes: [
      ...cross(['1PH', '3PH'], [15, 25]).map(([phase, kv]): [string, string, number] => [
        `DEADEND-${phase}-${kv}KV`,
        `Dead-end assembly ${phase === '1PH' ? 'single' : 'three'}-phase ${kv} kV`,
        (phase === '1PH' ? 190 : 470) + kv * 5,
      ]),
      ...['STANDOFF', 'ALLEY', 'NEUTRAL', 'SEC-RACK'].map((kind): [string, string, number] => [
        `BRKT-${kind}`,
        `Bracket ${kind.toLowerCase().replace('-', ' ')}`,
        85 + kind.length * 6,
      ]),
    ],
  },
];
