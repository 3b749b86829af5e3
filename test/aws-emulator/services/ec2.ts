// EC2: ec2Query, 2016-11-15. Only DescribeRegions, which tells which regions the account has enabled
// (scenario `regions`). Without AllRegions AWS lists only the enabled ones, as here.
import { ApiError } from '../errors.js';
import { listParam } from '../protocols/query.js';
import { XmlList } from '../protocols/xml.js';
import type { QueryParams, QueryService } from '../service.js';
import type { RegionState } from '../world-cost.js';

/** `Filter.1.Name=opt-in-status&Filter.1.Value.1=opted-in` -> {'opt-in-status': ['opted-in']}. */
function filters(params: QueryParams): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 1; params[`Filter.${i}.Name`] !== undefined; i++) {
    out.set(params[`Filter.${i}.Name`]!, listParam(params, `Filter.${i}.Value`));
  }
  return out;
}

const FILTERS: Readonly<Record<string, (r: RegionState) => string>> = {
  'opt-in-status': (r) => r.optIn,
  'region-name': (r) => r.name,
  endpoint: (r) => `ec2.${r.name}.amazonaws.com`,
};

export const ec2: QueryService = {
  name: 'ec2',
  signingName: 'ec2',
  protocol: 'ec2Query',
  version: '2016-11-15',
  xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/',
  operations: {
    DescribeRegions(params, ctx) {
      const all = params['AllRegions'] === 'true';
      let regions = ctx.world.regions.filter((r) => all || r.optIn !== 'not-opted-in');
      const names = listParam(params, 'RegionName');
      for (const name of names) {
        if (!ctx.world.regions.some((r) => r.name === name)) throw new ApiError('InvalidParameterValue', `Invalid region: ${name}`, 400);
      }
      if (names.length) regions = regions.filter((r) => names.includes(r.name));
      for (const [name, values] of filters(params)) {
        const field = FILTERS[name];
        if (!field) throw new ApiError('InvalidParameterValue', `The filter '${name}' is invalid`, 400);
        regions = regions.filter((r) => values.includes(field(r)));
      }
      return {
        regionInfo: new XmlList(
          regions.map((r) => ({ regionName: r.name, regionEndpoint: `ec2.${r.name}.amazonaws.com`, optInStatus: r.optIn })),
          'item',
        ),
      };
    },
  },
};
