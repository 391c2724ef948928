package dev.dtrust.core.numerics;

/**
 * numpy {@code mean} of a 2-D float64 array given as {@code double[rows][cols]} (numerics.md §1). The memory layout
 * decides the summation order: a reduction along the contiguous axis is pairwise ({@link NumpySum}), along the other
 * axis it is a plain left-to-right elementwise accumulation.
 *
 * <p>{@code fortranOrder = true} models a column-major array such as {@code DataFrame.to_numpy()} of an all-float
 * frame; {@code false} models a normal C-ordered array (e.g. built from nested Python lists).
 */
public final class NumpyMatrix {

    private NumpyMatrix() {
    }

    /**
     * {@code arr.mean()} over all elements: one pairwise run in memory order, divided by {@code rows * cols}.
     *
     * @param m rectangular matrix, {@code m[row][col]}
     * @param fortranOrder true if the numpy array is column-major
     * @return the numpy mean of all cells
     * @throws IllegalArgumentException if {@code m} is ragged
     */
    public static double meanAll(double[][] m, boolean fortranOrder) {
        double[] run = memoryOrder(m, fortranOrder);
        return NumpySum.sum(run) / run.length;
    }

    /**
     * {@code arr.mean(axis=0)}: for each column, the mean over the rows.
     *
     * @param m rectangular matrix, {@code m[row][col]}
     * @param fortranOrder true if the numpy array is column-major (then each column is a pairwise run)
     * @return one mean per column
     * @throws IllegalArgumentException if {@code m} is ragged
     */
    public static double[] meanAxis0(double[][] m, boolean fortranOrder) {
        int rows = m.length;
        int cols = columns(m);
        double[] out = new double[cols];
        for (int j = 0; j < cols; j++) {
            double[] column = new double[rows];
            for (int i = 0; i < rows; i++) {
                column[i] = m[i][j];
            }
            double sum = fortranOrder ? NumpySum.sum(column) : NumpySum.sequentialSum(column);
            out[j] = sum / rows;
        }
        return out;
    }

    /**
     * {@code arr.mean(axis=1)}: for each row, the mean over the columns.
     *
     * @param m rectangular matrix, {@code m[row][col]}
     * @param fortranOrder true if the numpy array is column-major (then each row is summed left to right)
     * @return one mean per row
     * @throws IllegalArgumentException if {@code m} is ragged
     */
    public static double[] meanAxis1(double[][] m, boolean fortranOrder) {
        int rows = m.length;
        int cols = columns(m);
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            double sum = fortranOrder ? NumpySum.sequentialSum(m[i]) : NumpySum.sum(m[i]);
            out[i] = sum / cols;
        }
        return out;
    }

    /**
     * The cells in numpy memory order: row by row for C order, column by column for Fortran order.
     *
     * @param m rectangular matrix, {@code m[row][col]}
     * @param fortranOrder true for column-major order
     * @return a new array with {@code rows * cols} elements
     * @throws IllegalArgumentException if {@code m} is ragged
     */
    public static double[] memoryOrder(double[][] m, boolean fortranOrder) {
        int rows = m.length;
        int cols = columns(m);
        double[] run = new double[rows * cols];
        int k = 0;
        if (fortranOrder) {
            for (int j = 0; j < cols; j++) {
                for (int i = 0; i < rows; i++) {
                    run[k++] = m[i][j];
                }
            }
        } else {
            for (double[] row : m) {
                System.arraycopy(row, 0, run, k, cols);
                k += cols;
            }
        }
        return run;
    }

    private static int columns(double[][] m) {
        int cols = m.length == 0 ? 0 : m[0].length;
        for (int i = 0; i < m.length; i++) {
            if (m[i].length != cols) {
                throw new IllegalArgumentException(
                        "matrix is ragged: row " + i + " has " + m[i].length + " columns, expected " + cols);
            }
        }
        return cols;
    }
}
