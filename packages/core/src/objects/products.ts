import { withSystemFields } from './system-fields.js';

export const products = withSystemFields({
  name: 'products',
  labelSingular: 'Product',
  labelPlural: 'Products',
  description: 'Something you sell, with its list price and unit cost.',
  displayField: 'name',
  fields: [
    { name: 'name', label: 'Name', type: 'text', isRequired: true, isSearchable: true, isListed: true, maxLength: 200 },
    { name: 'sku', label: 'SKU', type: 'text', isUnique: true, isSearchable: true, isListed: true, maxLength: 64 },
    { name: 'description', label: 'Description', type: 'text', maxLength: 10000 },
    { name: 'category', label: 'Category', type: 'text', isListed: true, maxLength: 120 },
    { name: 'price', label: 'List price', type: 'currency', min: 0, isListed: true },
    { name: 'cost', label: 'Unit cost', type: 'currency', min: 0 },
    { name: 'currency', label: 'Currency', type: 'currencyCode', isRequired: true },
    { name: 'isActive', label: 'Active', type: 'boolean', defaultValue: true, isListed: true },
  ],
});
