/**
 */
package io.mechanist.model;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Result Table</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * A small table of equally long columns (e.g. accuracy by layer with CI bounds); a series is a table with an x column and y columns.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.mechanist.model.ResultTable#getName <em>Name</em>}</li>
 *   <li>{@link io.mechanist.model.ResultTable#getColumns <em>Columns</em>}</li>
 * </ul>
 *
 * @see io.mechanist.model.MechanistPackage#getResultTable()
 * @model
 * @generated
 */
public interface ResultTable extends EObject {
	/**
	 * Returns the value of the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Name</em>' attribute.
	 * @see #setName(String)
	 * @see io.mechanist.model.MechanistPackage#getResultTable_Name()
	 * @model
	 * @generated
	 */
	String getName();

	/**
	 * Sets the value of the '{@link io.mechanist.model.ResultTable#getName <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Name</em>' attribute.
	 * @see #getName()
	 * @generated
	 */
	void setName(String value);

	/**
	 * Returns the value of the '<em><b>Columns</b></em>' containment reference list.
	 * The list contents are of type {@link io.mechanist.model.ResultColumn}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Columns</em>' containment reference list.
	 * @see io.mechanist.model.MechanistPackage#getResultTable_Columns()
	 * @model containment="true"
	 * @generated
	 */
	EList<ResultColumn> getColumns();

} // ResultTable
