// Everything a search page needs, registered in one import: the store, the box, the results (and their tiles).
import '../store/define.js';
import '../search/define.js';
import '../search-results/define.js';
