import { expect } from '@open-wc/testing';
import * as root from '@xiaodian/elements';
import * as base from '@xiaodian/elements/base';

describe('the public entry points', () => {
  it('the root exports the elements, options, events and bridge, and none of the internals', () => {
    expect(root).to.include.keys('XdProductCard', 'XdShopEntry', 'XdStore', 'XdOpenEvent', 'configureBridge');
    for (const internal of ['XdElement', 'defineElement', 'elementsVersion', 'formatCount', 'DataController'])
      expect(root, internal).not.to.have.property(internal);
  });

  it('/base gives element authors the base class, the data controller and registration', () => {
    expect(base).to.include.keys('XdElement', 'DataController', 'ImpressionController', 'defineElement');
    expect(base.XdElement.prototype).to.be.instanceOf(HTMLElement);
  });

  it('elementsVersion is the version in package.json, written by the build', async () => {
    const response = await fetch(new URL('/packages/elements/package.json', location.origin));
    const { version } = (await response.json()) as { version: string };
    expect(base.elementsVersion).to.equal(version);
  });
});
