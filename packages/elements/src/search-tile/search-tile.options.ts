/** How a search tile lays out: a cell of a grid (image on top) or a row of a list (image beside). */
export const searchTileLayouts = ['grid', 'list'] as const;
export type SearchTileLayout = (typeof searchTileLayouts)[number];

/** The tiles' fixed sizes (px), which the results element's virtual scroller lays out by arithmetic. */
export const tileBodyHeight = 124;
export const listTileHeight = 120;
