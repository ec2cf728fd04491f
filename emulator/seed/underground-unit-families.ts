// Services, streetlights, underground civil and cable work, communications and site restoration units
// of the synthetic catalogue. Prices are indicative install dollars per unit of measure.
import type { UnitFamily } from './unit-family.js';
import { bare, cross, sizeRank } from './unit-family.js';

export const UNDERGROUND_AND_SERVICE_UNIT_FAMILIES: readonly UnitFamily[] = [
  {
    group: 'Services',
    uom: 'FT',
    removal: 0.3,
    transfer: 0.4,
    codes: [
      ...cross(['#6', '#4', '#2', '1/0', '4/0'], ['DPX', 'TPX', 'QPX']).map(
        ([size, kind]): [string, string, number] => [
          `SVC-OH-${bare(size)}-${kind}`,
          `Overhead service ${size} ${kind === 'DPX' ? 'duplex' : kind === 'TPX' ? 'triplex' : 'quadruplex'}`,
          1.4 + sizeRank(size) * 0.3 + (kind === 'QPX' ? 0.8 : kind === 'TPX' ? 0.4 : 0),
        ],
      ),
      ...['1/0', '4/0', '350'].map((size): [string, string, number] => [
        `SVC-UG-${size}-TPX`,
        `Underground service ${size} triplex`,
        3.2 + (size === '350' ? 2.1 : size === '4/0' ? 1.2 : 0),
      ]),
    ],
  },
  {
    group: 'Services',
    uom: 'EA',
    removal: 0.4,
    transfer: 0.5,
    codes: [100, 200, 320, 400].map((amps) => [
      `METER-BASE-${amps}A`,
      `Meter base ${amps} A`,
      260 + amps * 0.9,
    ]),
  },
  {
    group: 'Streetlights',
    uom: 'EA',
    removal: 0.4,
    transfer: 0.6,
    codes: [
      ...[40, 70, 100, 150, 250].map((watts): [string, string, number] => [
        `LT-LED-${watts}W`,
        `LED streetlight ${watts} W`,
        310 + watts * 1.2,
      ]),
      ...[4, 6, 8, 10].map((feet): [string, string, number] => [
        `LT-ARM-${feet}FT`,
        `Light arm ${feet} ft`,
        150 + feet * 14,
      ]),
      ...[25, 30, 35].map((feet): [string, string, number] => [
        `LT-POLE-${feet}`,
        `Fibreglass light pole ${feet} ft`,
        980 + feet * 22,
      ]),
    ],
  },
  {
    group: 'Underground Conduit',
    uom: 'LF',
    removal: 0,
    transfer: 0,
    codes: [
      ...cross([2, 3, 4, 5, 6], ['PVC', 'HDPE']).map(([inches, kind]): [string, string, number] => [
        `CONDUIT-${inches}IN-${kind}`,
        `Conduit ${inches} in ${kind}`,
        2.5 + inches * 0.9 + (kind === 'HDPE' ? 0.6 : 0),
      ]),
      ...[24, 36, 48].map((inches): [string, string, number] => [
        `TRENCH-${inches}IN`,
        `Open trench ${inches} in deep`,
        9 + inches * 0.35,
      ]),
      ...[2, 4, 6].map((inches): [string, string, number] => [
        `BORE-${inches}IN`,
        `Directional bore ${inches} in`,
        18 + inches * 3.5,
      ]),
    ],
  },
  {
    group: 'Underground Cable',
    uom: 'FT',
    removal: 0.25,
    transfer: 0,
    codes: cross(['#2', '1/0', '4/0', '500', '750', '1000'], [15, 25, 35]).map(([size, kv]) => [
      `CABLE-UG-${bare(size)}-${kv}KV`,
      `Primary cable ${size} ${kv} kV`,
      4.5 + (size.startsWith('#') ? 0 : Number.parseInt(size, 10) / 120) + kv * 0.11,
    ]),
  },
  {
    group: 'Underground Cable',
    uom: 'EA',
    removal: 0.35,
    transfer: 0,
    codes: [
      ...[15, 25, 35].map((kv): [string, string, number] => [
        `SPLICE-${kv}KV`,
        `Cable splice ${kv} kV`,
        380 + kv * 9,
      ]),
      ...[15, 25, 35].map((kv): [string, string, number] => [
        `TERM-${kv}KV`,
        `Cable termination ${kv} kV`,
        290 + kv * 7,
      ]),
      ...[200, 600].map((amps): [string, string, number] => [
        `ELBOW-${amps}A`,
        `Load-break elbow ${amps} A`,
        140 + amps * 0.4,
      ]),
    ],
  },
  {
    group: 'Vaults and Handholes',
    uom: 'EA',
    removal: 0.5,
    transfer: 0,
    codes: [
      ...['13X24', '17X30', '24X36', '30X48'].map((size): [string, string, number] => [
        `HH-${size}`,
        `Handhole ${size.replace('X', ' x ')} in`,
        420 + Number.parseInt(size, 10) * 21,
      ]),
      ...['4X6', '6X8', '8X10'].map((size): [string, string, number] => [
        `VAULT-${size}`,
        `Precast vault ${size.replace('X', ' x ')} ft`,
        3800 + Number.parseInt(size, 10) * 640,
      ]),
      ...[2, 3, 4, 5].map((inches): [string, string, number] => [
        `RISER-${inches}IN`,
        `Pole riser ${inches} in`,
        260 + inches * 48,
      ]),
      ...['SEC', 'XFMR', 'FIBER'].map((kind): [string, string, number] => [
        `PED-${kind}`,
        `${kind === 'SEC' ? 'Secondary' : kind === 'XFMR' ? 'Transformer' : 'Fibre'} pedestal`,
        340,
      ]),
    ],
  },
  {
    group: 'Site Restoration',
    uom: 'SY',
    removal: 0,
    transfer: 0,
    codes: ['SOD', 'SEED', 'GRAVEL', 'ASPHALT', 'CONCRETE'].map((surface) => [
      `RESTORE-${surface}`,
      `Surface restoration, ${surface.toLowerCase()}`,
      surface === 'CONCRETE' ? 96 : surface === 'ASPHALT' ? 74 : 11 + surface.length * 2,
    ]),
  },
  {
    group: 'Communications',
    uom: 'FT',
    removal: 0.3,
    transfer: 0.45,
    codes: [
      ...[24, 48, 96, 144].map((count): [string, string, number] => [
        `FIBER-${count}CT`,
        `Aerial fibre ${count} count`,
        1.6 + count * 0.012,
      ]),
      ...['1/4', '5/16', '3/8'].map((strand): [string, string, number] => [
        `STRAND-${strand}`,
        `Messenger strand ${strand} in`,
        0.9 + strand.length * 0.2,
      ]),
    ],
  },
];
